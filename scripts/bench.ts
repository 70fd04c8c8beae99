// `npm run bench`: throughput and latency of the authenticated API against a bare Next route and a raw
// Node http server returning the same JSON, plus the per-request cost of key verification.
// Writes docs/PERFORMANCE.md. Options: `npm run bench -- --help`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BenchDatabase, embeddedDatabase, postgresDatabase } from "./bench/database";
import { type BenchKeys, createBenchKeys } from "./bench/keys";
import { KEYS_PAGE_HEADING, keysPageSection, measureKeysPage, type PageFigures, seedPageKeys } from "./bench/keys-page";
import { storeKind } from "@/lib/ratelimit/store";
import { type LoadOptions, measureRounds } from "./bench/load";
import { benchFastPath, fastPathSection } from "./bench/fast-path";
import { buildApiBundles, buildApp, startApp } from "./bench/next-app";
import { type BenchOptions, machine, parseOptions } from "./bench/options";
import { freePort, startService, stopAll, stopService, waitForHttp } from "./bench/processes";
import {
  API_DIRECT,
  API_DIRECT_UNCACHED,
  API_VENDOR,
  API_VENDOR_UNCACHED,
  BARE,
  BARE_PLAIN,
  PIPELINE_DIRECT,
  PIPELINE_VENDOR,
  RAW,
  type Row,
  oneOffSections,
  writePerformanceDoc,
  writeReport,
} from "./bench/report";
import { runStepCosts, type StepCosts } from "./bench/run-step-costs";
import { runUsageQueries, type UsageQueries, usageQueriesSection } from "./bench/run-usage-queries";
import { type ConsoleOverhead, consoleOverheadSection, measureConsoleOverhead } from "./bench/console-overhead";

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

function summary(
  database: string,
  target: string,
  round: { requestsPerSecond: number; p50Ms: number; p99Ms: number; failures: number },
  index: number,
): string {
  const failures = round.failures > 0 ? `, ${round.failures} FAILED` : "";
  return `${database}: round ${index + 1}: ${target}: ${Math.round(round.requestsPerSecond)} req/s, p50 ${round.p50Ms} ms, p99 ${round.p99Ms} ms${failures}`;
}

type Headers = Record<string, string>;

/** Measures `targets` in interleaved rounds on a running app and returns one row per target (median round). */
async function measureApp(database: string, targets: { target: string; url: string; headers: Headers }[], payload: string, load: LoadOptions): Promise<Row[]> {
  const results = await measureRounds(
    targets.map((t) => ({ name: t.target, url: t.url, headers: t.headers, expectBody: payload })),
    load,
    (target, round, index) => log(summary(database, target.name, round, index)),
  );
  return targets.flatMap((t) => {
    const result = results.get(t.target);
    return result ? [{ database, target: t.target, result }] : [];
  });
}

/**
 * One database: the bare route, the pipeline without a query and the real jobs endpoint (direct and
 * vendor key) on one `next start`; then the jobs endpoint again on a second `next start` with the read
 * cache off, where every request queries the database (what a read right after a change costs).
 */
async function benchApp(database: BenchDatabase, load: LoadOptions, workDir: string): Promise<{ rows: Row[]; payload: string; page: PageFigures }> {
  const payloadFile = path.join(workDir, `payload-${database.env.DATABASE_URL ? "pg" : "embedded"}.json`);
  log(`${database.label}: preparing a fresh database (migrate + seed)`);
  await database.prepare();
  seedPageKeys(database.env);
  let page: PageFigures | null = null;
  let keys: BenchKeys | null = null;
  let payload = "";
  const rows: Row[] = [];
  for (const readCache of [true, false]) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = await startApp({ port, payloadFile, database: database.env, extraEnv: readCache ? {} : { KLAU_READ_CACHE_TTL_MS: "0" } });
    try {
      keys ??= createBenchKeys(database.env);
      const direct = { authorization: `Bearer ${keys.direct}` };
      const vendor = { authorization: `Bearer ${keys.vendor}`, "klau-tenant-id": keys.tenantId };
      const served = await fetchPayload(`${base}${JOBS_PATH}`, direct);
      if ((await fetchPayload(`${base}${JOBS_PATH}`, vendor)) !== served) throw new Error("vendor and direct responses differ");
      if (payload && served !== payload) throw new Error("the read-cache-off server answers different bytes");
      payload = served;
      if (readCache) {
        writeFileSync(payloadFile, payload);
        if ((await fetchPayload(`${base}/api/bench/bare`, {})) !== payload) throw new Error("bare route does not serve the payload");
        for (const headers of [direct, vendor]) {
          if ((await fetchPayload(`${base}${PIPELINE_PATH}`, headers)) !== payload) throw new Error("the pipeline route does not serve the payload's bytes");
        }
        log(`${database.label}: payload ${Buffer.byteLength(payload)} bytes from GET ${JOBS_PATH}`);
        page = await measureKeysPage(database.label, base);
        log(`${database.label}: API keys page: ${page.p50Ms.toFixed(1)} ms p50, first-load JS ${page.firstLoadJsKb.toFixed(1)} kB gzipped`);
      }
      const targets = readCache
        ? [
            // The same request line and headers as the API's (the bare route ignores them), so the
            // framework's own parsing of the query string and headers is on both sides.
            { target: BARE, url: `${base}/api/bench/bare?date=2026-03-15`, headers: direct },
            { target: BARE_PLAIN, url: `${base}/api/bench/bare`, headers: {} },
            { target: PIPELINE_DIRECT, url: `${base}${PIPELINE_PATH}`, headers: direct },
            { target: PIPELINE_VENDOR, url: `${base}${PIPELINE_PATH}`, headers: vendor },
            { target: API_DIRECT, url: `${base}${JOBS_PATH}`, headers: direct },
            { target: API_VENDOR, url: `${base}${JOBS_PATH}`, headers: vendor },
          ]
        : [
            { target: API_DIRECT_UNCACHED, url: `${base}${JOBS_PATH}`, headers: direct },
            { target: API_VENDOR_UNCACHED, url: `${base}${JOBS_PATH}`, headers: vendor },
          ];
      rows.push(...(await measureApp(database.label, targets, payload, load)));
      if (readCache) {
        log(`${database.label}: console overhead`);
        consoleOverheads.push(await measureConsoleOverhead({ database: database.label, base, directKey: keys.direct, jobsPath: JOBS_PATH, samples: 200 }));
      }
    } catch (error) {
      const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : "";
      throw new Error(`${database.label}: ${String(error)}${cause}\n--- last output of next start ---\n${app.output()}`);
    } finally {
      await stopService(app);
    }
  }
  if (!page) throw new Error(`${database.label}: the API keys page was not measured`);
  return { rows, payload, page };
}

async function benchRawHttp(payloadFile: string, payload: string, load: LoadOptions): Promise<Row> {
  const port = await freePort();
  const raw = startService(
    "raw http",
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/bench/raw-server.ts", String(port), payloadFile],
    process.env,
  );
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, raw, (s) => s === 200, 30_000);
    const [row] = await measureApp("none", [{ target: RAW, url: `http://127.0.0.1:${port}/`, headers: {} }], payload, load);
    if (!row) throw new Error("raw http: no result");
    return row;
  } finally {
    await stopService(raw);
  }
}

/** One measurement alone on one database (`--console-only`, `--keys-page-only`): a fresh database and one production server. */
async function benchAlone<T>(database: BenchDatabase, what: "console" | "keys page", measure: (base: string, keys: BenchKeys) => Promise<T>): Promise<T> {
  log(`${database.label}: preparing a fresh database (migrate + seed)`);
  await database.prepare();
  if (what === "keys page") seedPageKeys(database.env);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const payloadFile = path.join(workDir, "alone-payload.json");
  writeFileSync(payloadFile, "{}");
  const app = await startApp({ port, payloadFile, database: database.env });
  try {
    const keys = createBenchKeys(database.env);
    log(`${database.label}: ${what}`);
    return await measure(base, keys);
  } finally {
    await stopService(app);
  }
}

/** Runs `run` on each database (embedded, then PostgreSQL when given), cleaning each up. */
async function onEachDatabase(pgUrl: string | null, run: (database: BenchDatabase) => Promise<void>): Promise<void> {
  for (const create of [embeddedDatabase, ...(pgUrl ? [() => postgresDatabase(pgUrl)] : [])]) {
    const database = create();
    current = database;
    try {
      await run(database);
    } finally {
      current = null;
      await database.cleanup();
    }
  }
}

/** Replaces (or adds, before the main results) one generated section of docs/PERFORMANCE.md. */
function spliceSection(heading: string, lines: string[], write: boolean): void {
  const file = "docs/PERFORMANCE.md";
  const text = readFileSync(file, "utf8");
  const section = `${lines.join("\n").trimEnd()}\n\n`;
  const start = text.indexOf(`${heading}\n`);
  const next = start === -1 ? -1 : text.indexOf("\n## ", start + heading.length);
  const anchor = text.indexOf("## Throughput and latency");
  const updated =
    start !== -1
      ? `${text.slice(0, start)}${section}${next === -1 ? "" : text.slice(next + 1)}`
      : anchor !== -1
        ? `${text.slice(0, anchor)}${section}${text.slice(anchor)}`
        : `${text.trimEnd()}\n\n${section}`;
  if (write) writePerformanceDoc(updated);
  log(write ? `${heading}: written into ${file}` : section);
}

/** The console's added time per database (scripts/bench/console-overhead.ts). */
const consoleOverheads: ConsoleOverhead[] = [];

/** The database being benched and the payload folder, removed on interruption too. */
let current: BenchDatabase | null = null;
const workDir = mkdtempSync(path.join(tmpdir(), "klau-bench-work-"));

async function main(options: BenchOptions): Promise<void> {
  const load: LoadOptions = { connections: options.connections, warmupSeconds: options.warmupSeconds, seconds: options.seconds, rounds: options.rounds };
  const rows: Row[] = [];
  const steps: StepCosts[] = [];
  const pages: PageFigures[] = [];
  const usage: UsageQueries[] = [];
  const machineAtStart = machine();
  try {
    if (options.build) {
      log("building the app into .next-bench");
      buildApp();
    } else {
      buildApiBundles();
    }
    const pgUrl = options.postgresUrl;
    if (options.consoleOnly) {
      await onEachDatabase(pgUrl, async (database) => {
        consoleOverheads.push(
          await benchAlone(database, "console", (base, keys) =>
            measureConsoleOverhead({ database: database.label, base, directKey: keys.direct, jobsPath: JOBS_PATH, samples: 200 }),
          ),
        );
      });
      spliceSection("## Console overhead (one call at a time, ms)", consoleOverheadSection(consoleOverheads), options.write);
      return;
    }
    if (options.keysPageOnly) {
      await onEachDatabase(pgUrl, async (database) => {
        pages.push(await benchAlone(database, "keys page", (base) => measureKeysPage(database.label, base)));
      });
      spliceSection(KEYS_PAGE_HEADING, keysPageSection(pages), options.write);
      return;
    }
    const fastPath: string[] = [];
    if (pgUrl) {
      fastPath.push(...fastPathSection(await benchFastPath(pgUrl, load, workDir, log)));
      if (options.fastPathOnly) {
        spliceSection("## API fast path (issue 14)", fastPath, options.write);
        return;
      }
    } else if (options.fastPathOnly) {
      throw new Error("--fast-path-only needs DATABASE_URL (a PostgreSQL server)");
    }
    let rawDone = false;
    const databases = [embeddedDatabase, ...(pgUrl ? [() => postgresDatabase(pgUrl)] : [])];
    for (const create of databases) {
      const database = create();
      current = database;
      try {
        const { rows: appRows, payload, page } = await benchApp(database, load, workDir);
        rows.push(...appRows);
        pages.push(page);
        // Raw http runs while no Next server is up, so it has the machine to itself.
        if (!rawDone) {
          const file = path.join(workDir, "raw-payload.json");
          writeFileSync(file, payload);
          rows.push(await benchRawHttp(file, payload, load));
          rawDone = true;
        }
        log(`${database.label}: per-step costs`);
        steps.push(runStepCosts(database));
        log(`${database.label}: usage queries at 1 M request-log rows`);
        usage.push(runUsageQueries(database));
      } finally {
        current = null;
        await database.cleanup();
      }
    }
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    const report = writeReport({
      rows,
      steps,
      load,
      machine: machineAtStart,
      limiterStore: storeKind(),
      seconds,
      write: options.write,
      // The one-off investigations (written by hand) stay after the fast path's generated section.
      leadSections: [...fastPath, ...oneOffSections(readFileSync("docs/PERFORMANCE.md", "utf8"))],
      extraSections: [...keysPageSection(pages), ...consoleOverheadSection(consoleOverheads), ...usageQueriesSection(usage)],
    });
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
