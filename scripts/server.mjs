// The production server (`npm start` runs it through scripts/start.mjs): one process, one port, two
// paths. /api/v1/* and the console's send (/api/console/*) go straight to the gateway pipeline on
// Node's http (the fast path bundle, scripts/build-api.mjs); everything else (pages, /docs,
// /api/auth, /api/health) to Next's handler.
// Both halves share one database handle and one set of caches (process-wide singletons).
// Usage: node scripts/server.mjs [-p PORT] [-H HOSTNAME]   (needs `next build` + build-api first)
import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const argv = process.argv.slice(2);
const arg = (short, long) => {
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? argv[i + 1] : undefined;
};
const port = Number(arg("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = arg("-H", "--hostname");
const distDir = process.env.NEXT_DIST_DIR || ".next";

process.env.NODE_ENV = "production";
process.chdir(root);
// KLAU_API_ADAPTER=hono: the bench's comparison bundle (server/api-entry-hono.ts), never in production.
const bundle = path.join(root, distDir, process.env.KLAU_API_ADAPTER === "hono" ? "klau-api-hono.mjs" : "klau-api.mjs");
if (!existsSync(path.join(root, distDir, "BUILD_ID")) || !existsSync(bundle)) {
  console.error(`No production build in ${distDir}: run \`npm run build\` (or \`npm start\`, which builds) first.`);
  process.exit(1);
}
// Next's request storage (loaded by next/headers, which the console's route imports) looks for this
// global, which Next itself sets only when it starts, after the bundle has loaded.
globalThis.AsyncLocalStorage ??= AsyncLocalStorage;
// Every setting is checked first (lib/config.ts; some caches read it as the bundle loads): a bad
// value stops the server here with one line naming the variable.
const api = await import(pathToFileURL(bundle).href).catch((error) => {
  if (error?.name !== "ConfigError") throw error;
  console.error(error.message);
  process.exit(1);
});
const { server: timeouts, shutdownGraceMs } = api.ensureConfigOnStart();
// Request guard, the database (embedded: migrate, seed, CLI relay), purge timer — before listening.
// Next's instrumentation.ts calls the same once-per-process startup and waits on it.
await api.startServerOnce();

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
const apiListener = api.apiListener();
const consoleListener = api.consoleListener();

let closing = false;
const server = http.createServer((req, res) => {
  if (closing) res.setHeader("connection", "close");
  if (req.url?.startsWith("/api/v1") && apiListener(req, res)) return;
  if (req.url?.startsWith("/api/console/") && consoleListener(req, res)) return;
  handle(req, res).catch((error) => {
    console.error("Next request handler failed:", error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
Object.assign(server, timeouts);

async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`• ${signal}: finishing requests in flight (up to ${shutdownGraceMs / 1000} s), then closing the database…`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
  await closed;
  clearTimeout(timer);
  await api.flushRequestLog().catch((error) => console.error("request log flush failed:", error));
  await app.close?.().catch(() => undefined);
  await api.disconnectDb().catch((error) => console.error("closing the database failed:", error));
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void shutdown(signal));

server.on("error", (error) => {
  console.error(`Cannot listen on ${hostname ?? "*"}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`• Klau ready on http://${hostname ?? "localhost"}:${port} (API fast path: ${api.routeCount} route files)`);
});
