// `npm run bench`: throughput and latency of the authenticated API against a bare Next route and a raw
// Node http server returning the same JSON, plus the per-request cost of key verification.
// Writes docs/PERFORMANCE.md. Options: `npm run bench -- --help`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BenchDatabase, embeddedDatabase, postgresDatabase } from "./bench/database";
import { createBenchKeys } from "./bench/keys";
import { storeKind } from "@/lib/ratelimit/store";
import { type LoadOptions, measure } from "./bench/load";
import { buildApp, startApp } from "./bench/next-app";
import { type BenchOptions, machine, parseOptions } from "./bench/options";
import { freePort, startService, stopAll, stopService, waitForHttp } from "./bench/processes";
import { API_DIRECT, API_VENDOR, BARE, PIPELINE_DIRECT, PIPELINE_VENDOR, RAW, type Row, writeReport } from "./bench/report";
import { runStepCosts, type StepCosts } from "./bench/run-step-costs";

const JOBS_PATH = "/api/v1/jobs?date=2026-03-15";
/** The same pipeline and query string, with a handler that returns the recorded page (no database query). */
const PIPELINE_PATH = "/api/bench/pipeline?date=2026-03-15";

async function fetchPayload(url: string, headers: Record<string, string>): Promise<string> {
  // Retried on network errors: a keep-alive socket the server closed while a synchronous CLI call
  // blocked this event loop is only noticed on reuse ("other side closed").
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${url} → ${response.status}: ${body.slice(0, 300)}`);
      return body;
    } catch (error) {
      if (!(error instanceof TypeError) || attempt >= 3) throw error;
    }
  }
}

const startedAt = Date.now();

function log(message: string): void {
  console.log(`• [${Math.round((Date.now() - startedAt) / 1000)} s] ${message}`);
}

function summary(row: Row): string {
  const r = row.result;
  const failures = r.failures > 0 ? `, ${r.failures} FAILED` : "";
  return `${row.target}: ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms${failures}`;
}

/** bare route, the pipeline without a query and the real jobs endpoint (direct and vendor key) — all on one `next start` of one database. */
async function benchApp(database: BenchDatabase, load: LoadOptions, workDir: string): Promise<{ rows: Row[]; payload: string }> {
  const rows: Row[] = [];
  const payloadFile = path.join(workDir, `payload-${database.env.DATABASE_URL ? "pg" : "embedded"}.json`);
  log(`${database.label}: preparing a fresh database (migrate + seed)`);
  await database.prepare();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startApp({ port, payloadFile, database: database.env });
  try {
    const keys = createBenchKeys(database.env);
    const direct = { authorization: `Bearer ${keys.direct}` };
    const vendor = { authorization: `Bearer ${keys.vendor}`, "klau-tenant-id": keys.tenantId };
    const payload = await fetchPayload(`${base}${JOBS_PATH}`, direct);
    if ((await fetchPayload(`${base}${JOBS_PATH}`, vendor)) !== payload) throw new Error("vendor and direct responses differ");
    writeFileSync(payloadFile, payload);
    if ((await fetchPayload(`${base}/api/bench/bare`, {})) !== payload) throw new Error("bare route does not serve the payload");
    for (const headers of [direct, vendor]) {
      if ((await fetchPayload(`${base}${PIPELINE_PATH}`, headers)) !== payload) throw new Error("the pipeline route does not serve the payload's bytes");
    }
    log(`${database.label}: payload ${Buffer.byteLength(payload)} bytes from GET ${JOBS_PATH}`);
    const targets = [
      { target: BARE, url: `${base}/api/bench/bare`, headers: {} },
      { target: PIPELINE_DIRECT, url: `${base}${PIPELINE_PATH}`, headers: direct },
      { target: PIPELINE_VENDOR, url: `${base}${PIPELINE_PATH}`, headers: vendor },
      { target: API_DIRECT, url: `${base}${JOBS_PATH}`, headers: direct },
      { target: API_VENDOR, url: `${base}${JOBS_PATH}`, headers: vendor },
    ];
    for (const t of targets) {
      const row = { database: database.label, target: t.target, result: await measure({ url: t.url, headers: t.headers, expectBody: payload }, load) };
      log(`${database.label}: ${summary(row)}`);
      rows.push(row);
    }
    return { rows, payload };
  } catch (error) {
    const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : "";
    throw new Error(`${database.label}: ${String(error)}${cause}\n--- last output of next start ---\n${app.output()}`);
  } finally {
    await stopService(app);
  }
}

async function benchRawHttp(payloadFile: string, payload: string, load: LoadOptions): Promise<Row> {
  const port = await freePort();
  const raw = startService("raw http", process.execPath, ["--import", "tsx", "scripts/bench/raw-server.ts", String(port), payloadFile], process.env);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, raw, (s) => s === 200, 30_000);
    const row = { database: "none", target: RAW, result: await measure({ url: `http://127.0.0.1:${port}/`, expectBody: payload }, load) };
    log(summary(row));
    return row;
  } finally {
    await stopService(raw);
  }
}

/** The database being benched and the payload folder, removed on interruption too. */
let current: BenchDatabase | null = null;
const workDir = mkdtempSync(path.join(tmpdir(), "klau-bench-work-"));

async function main(options: BenchOptions): Promise<void> {
  const load: LoadOptions = { connections: options.connections, warmupSeconds: options.warmupSeconds, seconds: options.seconds };
  const rows: Row[] = [];
  const steps: StepCosts[] = [];
  const machineAtStart = machine();
  try {
    if (options.build) {
      log("building the app into .next-bench");
      buildApp();
    }
    let rawDone = false;
    const pgUrl = options.postgresUrl;
    const databases = [embeddedDatabase, ...(pgUrl ? [() => postgresDatabase(pgUrl)] : [])];
    for (const create of databases) {
      const database = create();
      current = database;
      try {
        const { rows: appRows, payload } = await benchApp(database, load, workDir);
        rows.push(...appRows);
        // Raw http runs while no Next server is up, so it has the machine to itself.
        if (!rawDone) {
          const file = path.join(workDir, "raw-payload.json");
          writeFileSync(file, payload);
          rows.push(await benchRawHttp(file, payload, load));
          rawDone = true;
        }
        log(`${database.label}: per-step costs`);
        steps.push(runStepCosts(database));
      } finally {
        current = null;
        await database.cleanup();
      }
    }
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    const report = writeReport({ rows, steps, load, machine: machineAtStart, limiterStore: storeKind(process.env), seconds, write: options.write });
    log(options.write ? `wrote docs/PERFORMANCE.md (${seconds} s)` : report);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the bench servers`);
    void stopAll()
      .then(() => current?.cleanup())
      .finally(() => {
        rmSync(workDir, { recursive: true, force: true });
        process.exit(130);
      });
  });
}

main(parseOptions(process.argv.slice(2))).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
