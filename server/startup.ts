import { processSingleton } from "@/lib/cache/ttl-cache";

/**
 * What a server process does once before serving: the request guard on Node's HTTP servers, the
 * settings (lib/config.ts) and auth-secret checks (a bad setting exits with its message), the database (embedded:
 * take the data directory, migrate, seed the first time, serve the operator CLI on a Unix socket),
 * and the retention purge timer. Called by whichever comes first — scripts/server.mjs (through the
 * API bundle, before it listens) or Next's instrumentation.ts — and shared by the other (one
 * promise per process, on globalThis), so nothing is opened twice.
 */
export function startServerOnce(): Promise<void> {
  return processSingleton("server-startup", () => start());
}

async function start(): Promise<void> {
  // Imported on demand: `next build` imports instrumentation.ts, and nothing may open at import time.
  const [{ Server }, { installRequestGuard }] = await Promise.all([import("node:http"), import("@/lib/http/request-guard")]);
  installRequestGuard(Server.prototype); // TRACE, unknown methods, undecodable paths → the envelope
  const { ensureConfigOnStart, freezeConfig } = await import("@/lib/config");
  ensureConfigOnStart(); // e.g. KLAU_READ_CACHE_MB=abc → exit with one line naming the variable
  freezeConfig();
  const { ensureAuthSecretOnStart } = await import("@/lib/auth/secret");
  ensureAuthSecretOnStart(); // e.g. DATABASE_URL without AUTH_SECRET → exit with a clear message
  const [{ startServerDatabase }, { serveCliFromApp }] = await Promise.all([import("@/lib/db/startup"), import("@/lib/cli/relay-server")]);
  await startServerDatabase(serveCliFromApp);
  const [{ startPurgeTimer }, { getDb }] = await Promise.all([import("@/lib/retention/timer"), import("@/lib/db/client")]);
  startPurgeTimer(getDb);
}
