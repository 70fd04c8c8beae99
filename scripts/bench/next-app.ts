import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { type Service, startService, waitForHttp } from "./processes";

// BENCH_DIST_DIR reuses another build (with `--no-build`), e.g. the tests' .next-test.
export const BENCH_DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
const nextBin = path.resolve("node_modules/next/dist/bin/next");

function runStep(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { env, stdio: ["ignore", "inherit", "inherit"], timeout: 300_000 });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
}

/** Production build into the bench's own output folder, so it never collides with other builds. */
export function buildApp(): void {
  const env = { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
  runStep("prisma generate", process.execPath, ["scripts/prisma-generate.mjs"], env);
  runStep("next build", process.execPath, [nextBin, "build"], env);
  buildApiBundles();
}

/** The API fast path bundles (about a second each; also with `--no-build`, as they are cheap). */
export function buildApiBundles(): void {
  const env = { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR };
  runStep("API fast path bundle", process.execPath, ["scripts/build-api.mjs"], env);
  runStep("API fast path bundle (@hono/node-server, for comparison)", process.execPath, ["scripts/build-api.mjs", "--hono"], env);
}

export type AppEnv = { port: number; payloadFile: string; database: Record<string, string>; extraEnv?: Record<string, string> };

/**
 * The production server (scripts/server.mjs: the API fast path for /api/v1, Next for the rest, as
 * `npm start` runs it) on loopback with the bare route enabled and a rate limit high enough for a load test
 * (the limiter still runs on every request, so its cost is part of the measurement).
 */
export async function startApp({ port, payloadFile, database, extraEnv = {} }: AppEnv): Promise<Service> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...database,
    NODE_ENV: "production",
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    KLAU_BENCH: "1",
    KLAU_BENCH_PAYLOAD: payloadFile,
    KLAU_RATE_LIMIT_POINTS: String(1_000_000_000),
    ...extraEnv,
  };
  if (!database.DATABASE_URL) delete env.DATABASE_URL;
  const service = startService("production server", process.execPath, ["scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], env);
  await waitForHttp(`http://127.0.0.1:${port}/api/bench/bare`, service, (status) => status === 200 || status === 404);
  return service;
}
