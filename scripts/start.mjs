// `npm start`: install, build, migrate, seed and serve on PORT (default 3000).
// With no DATABASE_URL the embedded database under .data/ is migrated and seeded on first boot.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { ensureInstalled, generatePrismaClient, runOrExit } from "./lib.mjs";

const port = process.env.PORT ?? "3000";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const started = Date.now();

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(stamp) {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = ["app", "components", "lib", "prisma", "public", "server"].filter(existsSync).map(newestSource);
  const configs = ["package-lock.json", "next.config.ts", "proxy.ts", "instrumentation.ts"].filter(existsSync).map((f) => statSync(f).mtimeMs);
  return Math.max(...sources, ...configs) > built;
}

if (process.env.DATABASE_URL && !process.env.AUTH_SECRET) {
  console.error("AUTH_SECRET must be set when DATABASE_URL is used (e.g. export AUTH_SECRET=$(openssl rand -base64 32)).");
  process.exit(1);
}
ensureInstalled();
generatePrismaClient();
const nextBuilt = path.join(distDir, "BUILD_ID");
if (buildIsStale(nextBuilt)) {
  console.log("• Building the app (next build)…");
  runOrExit("npx", ["--no-install", "next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
}
// The API fast path's bundle (about a second; scripts/build-api.mjs), after Next's build emptied distDir.
if (buildIsStale(path.join(distDir, "klau-api.mjs")) || statSync(nextBuilt).mtimeMs > statSync(path.join(distDir, "klau-api.mjs")).mtimeMs) {
  runOrExit(process.execPath, ["scripts/build-api.mjs"]);
}
if (process.env.DATABASE_URL) {
  console.log("• Applying migrations to DATABASE_URL…");
  runOrExit("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/db-migrate.ts"]);
}
console.log(`• Ready to serve after ${((Date.now() - started) / 1000).toFixed(1)} s of preparation.`);
console.log(`• Starting Klau on http://localhost:${port} (first embedded start migrates and seeds the demo data)…`);
// Not spawnSync: a process manager signals this process, and the signal must reach the server so it
// shuts down (and gives up the embedded database) with it, instead of being left running.
// scripts/server.mjs: Next's request handler for pages, the API fast path for /api/v1.
const server = spawn(process.execPath, ["scripts/server.mjs", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
