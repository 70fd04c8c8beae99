import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** A throw-away database for one bench run: created and seeded before the server starts, removed after. */
export type BenchDatabase = {
  label: string;
  /** Environment that points the app, the CLI and the scripts at this database. */
  env: Record<string, string>;
  prepare(): Promise<void>;
  cleanup(): Promise<void>;
};

const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");

/** Runs a project script (tsx) against the bench database; throws with its output on failure. */
export function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): string {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const result = spawnSync(process.execPath, [tsxCli, "--conditions=react-server", script, ...args], {
    env: childEnv,
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${script} ${args.join(" ")} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function migrateAndSeed(env: Record<string, string>): void {
  runScript("scripts/db-migrate.ts", [], env);
  runScript("scripts/db-seed.ts", [], env);
}

export function embeddedDatabase(): BenchDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "klau-bench-"));
  const env = { KLAU_DATA_DIR: dir };
  return {
    label: "embedded PGlite",
    env,
    prepare: async () => migrateAndSeed(env),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh `klau_bench` (or `name`) database on the server of `serverUrl` (the database named there is untouched). */
export function postgresDatabase(serverUrl: string, name = "klau_bench"): BenchDatabase {
  const env = { DATABASE_URL: withDatabase(serverUrl, name) };
  return {
    label: "PostgreSQL",
    env,
    prepare: async () => {
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin(serverUrl, `CREATE DATABASE "${name}"`);
      migrateAndSeed(env);
    },
    cleanup: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
