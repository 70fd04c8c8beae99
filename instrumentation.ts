// Next.js calls register() once when a server process starts. The embedded database is prepared here,
// before any request; never during `next build` (NEXT_PHASE), and only in the Node.js runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureAuthSecretOnStart } = await import("./lib/auth/secret");
  ensureAuthSecretOnStart(); // e.g. DATABASE_URL without AUTH_SECRET → exit with a clear message
  const { startServerDatabase } = await import("./lib/db/startup");
  await startServerDatabase();
  const [{ startPurgeTimer }, { getDb }] = await Promise.all([import("./lib/retention/timer"), import("./lib/db/client")]);
  startPurgeTimer(getDb);
}
