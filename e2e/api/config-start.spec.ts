import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../env";

/**
 * A bad setting stops the server at start with one line naming the variable (lib/config.ts), on
 * `next start` and on the production server (scripts/server.mjs), before it opens a database.
 */
const distDir = process.env.NEXT_DIST_DIR || ".next";

function start(args: string[]): Promise<{ code: number | null; stderr: string; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "klau-config-"));
  rmSync(dataDir, { recursive: true });
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const env = { ...base, NEXT_DIST_DIR: distDir, KLAU_DATA_DIR: dataDir, KLAU_READ_CACHE_MB: "abc", NEXT_TELEMETRY_DISABLED: "1" };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, dataDir });
    });
  });
}

test.describe.configure({ timeout: 120_000 });

const LINE = 'Invalid configuration: KLAU_READ_CACHE_MB must be a number > 0, got "abc"';
const port = String(E2E_PORT + 50);

test("next start refuses KLAU_READ_CACHE_MB=abc with one line naming it", async () => {
  const result = await start(["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(LINE);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(result.dataDir)).toBe(false);
});

test("the production server refuses it the same way", async () => {
  test.skip(!existsSync(path.join(distDir, "klau-api.mjs")), "no API bundle in this build (npm run build makes one)");
  const result = await start(["scripts/server.mjs", "-p", port, "-H", "127.0.0.1"]);
  expect(result.code).toBe(1);
  expect(result.stderr.trim()).toBe(LINE);
  expect(existsSync(result.dataDir)).toBe(false);
});
