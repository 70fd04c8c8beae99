// Next.js calls register() once when a server process starts. The embedded database is prepared here,
// before any request; never during `next build` (NEXT_PHASE), and only in the Node.js runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // TRACE, unknown methods and undecodable paths: the envelope instead of Next's 500 / Node's bare 400.
  const [{ Server }, { installRequestGuard }] = await Promise.all([import("node:http"), import("./lib/http/request-guard")]);
  installRequestGuard(Server.prototype);
  const { ensureConfigOnStart } = await import("./lib/config");
  ensureConfigOnStart(); // e.g. KLAU_READ_CACHE_MB=abc → exit with one line naming the variable
  const { ensureAuthSecretOnStart } = await import("./lib/auth/secret");
  ensureAuthSecretOnStart(); // e.g. DATABASE_URL without AUTH_SECRET → exit with a clear message
  const [{ startServerDatabase }, { serveCliFromApp }] = await Promise.all([import("./lib/db/startup"), import("./lib/cli/relay-server")]);
  await startServerDatabase(serveCliFromApp);
  const [{ startPurgeTimer }, { getDb }] = await Promise.all([import("./lib/retention/timer"), import("./lib/db/client")]);
  startPurgeTimer(getDb);
}
