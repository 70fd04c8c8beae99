import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_ENV, E2E_PORT } from "./e2e/env";

// Workers inherit this, so the CLI fixture reaches the server's database.
Object.assign(process.env, E2E_DATABASE_ENV);

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  globalSetup: "./e2e/global-setup.ts",
  reporter: "list",
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    { name: "cli", testMatch: "cli/**/*.spec.ts" },
    { name: "ui", testMatch: "ui/**/*.spec.ts", use: { browserName: "chromium" } },
    // Start their own servers (E2E_PORT+10, +20): two instances on PostgreSQL and Redis (skipped
    // without them), a crash test. One file at a time, as they share those ports.
    { name: "scale", testMatch: "scale/**/*.spec.ts", workers: 1 },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { ...E2E_DATABASE_ENV, E2E_PORT: String(E2E_PORT) },
  },
});
