// `npm test`: every test. Type check, lint, unit tests, integration tests against a database
// (embedded by default; PostgreSQL when TEST_DATABASE_URL is set), a production build and the
// Playwright suite (HTTP + Chromium) against it. Ends with one "N passed, N failed" line.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { chromiumPath, ensureInstalled, generatePrismaClient, run } from "./lib.mjs";

const reports = ".test-data/reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test", NEXT_TELEMETRY_DISABLED: "1" };
const failures = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const status = run(command, args, { env: { ...env, ...extraEnv } });
  console.log(`━━ ${name}: ${status === 0 ? "ok" : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) failures.push(name);
  return status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
  skipped += stats?.skipped ?? 0;
}

ensureInstalled();
generatePrismaClient();
console.log(
  process.env.TEST_DATABASE_URL
    ? `Database under test: PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host})`
    : "Database under test: embedded PGlite (set TEST_DATABASE_URL=postgresql://… to test PostgreSQL)",
);

step("Type check", "npx", ["--no-install", "tsc", "--noEmit"]);
step("Lint and format", "npx", ["--no-install", "biome", "check", "."]);
for (const project of ["unit", "integration"]) {
  const out = `${reports}/vitest-${project}.json`;
  step(`Vitest ${project}`, "npx", [
    "--no-install",
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
    // Integration files mostly wait on their databases and child processes: three at a time on two
    // cores took 116 s instead of 144 s (unit tests keep Vitest's default).
    ...(project === "integration" ? ["--maxWorkers=3"] : []),
  ]);
  countVitest(out);
}

if (step("Production build", "npx", ["--no-install", "next", "build"])) {
  if (!chromiumPath()) {
    console.error("\nChromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.");
    failures.push("Chromium missing");
  } else {
    const out = `${reports}/playwright.json`;
    step("Playwright (HTTP API, CLI, Chromium UI)", "npx", ["--no-install", "playwright", "test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      CHROMIUM_PATH: chromiumPath(),
    });
    countPlaywright(out);
  }
}

console.log(failures.length ? `\nFailed steps: ${failures.join(", ")}` : "\nAll steps passed.");
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failures.length ? 1 : 0);
