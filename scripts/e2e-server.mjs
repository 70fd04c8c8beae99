// Starts the built app (scripts/server.mjs) for the Playwright suite on a fresh, seeded database:
// embedded (KLAU_DATA_DIR, wiped first) or a fresh PostgreSQL database (DATABASE_URL, recreated).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  KLAU_TRUST_PROXY: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
  AUTH_TRUST_HOST: "true",
};

if (env.DATABASE_URL) {
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  for (const script of ["scripts/db-migrate.ts", "scripts/db-seed.ts"]) {
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", script], { env, stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
} else {
  rmSync(env.KLAU_DATA_DIR ?? `.test-data/e2e-${port}`, { recursive: true, force: true });
}

// The production server, as `npm start` runs it: the API fast path for /api/v1, Next for the rest.
// Its bundle is rebuilt here (about a second) so a plain `next build` before the tests is enough.
const built = spawnSync(process.execPath, ["scripts/build-api.mjs"], { env, stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);
const server = spawn(process.execPath, ["scripts/server.mjs", "-p", port, "-H", "127.0.0.1"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
