// Small helpers shared by the start and test scripts. Node built-ins only: these run before install.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  return result.status ?? 1;
}

export function runOrExit(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✗ ${command} ${args.join(" ")} failed (exit ${status})`);
    process.exit(status);
  }
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  if (mtime("node_modules/.package-lock.json") >= mtime("package-lock.json")) return;
  console.log("• Installing dependencies (npm ci)…");
  runOrExit("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } });
}

export function generatePrismaClient() {
  runOrExit("node", ["scripts/prisma-generate.mjs"]);
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p) => p && existsSync(p));
}
