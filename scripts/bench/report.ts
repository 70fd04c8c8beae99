import { writeFileSync } from "node:fs";
import type { LoadOptions, LoadResult } from "./load";
import type { Machine } from "./options";
import type { StepCosts } from "./run-step-costs";

export type Row = { database: string; target: string; result: LoadResult };

export type ReportInput = {
  rows: Row[];
  steps: StepCosts[];
  load: LoadOptions;
  machine: Machine;
  /** rate-limiter-flexible store the server used (memory unless REDIS_URL / KLAU_RATE_LIMIT_STORE). */
  limiterStore: string;
  seconds: number;
  write: boolean;
};

export const TARGET_RATIO = 0.85;
export const RAW = "raw Node http";
export const BARE = "bare Next route";
export const API_DIRECT = "API, direct key";
export const API_VENDOR = "API, vendor key + Klau-Tenant-Id";

/** autocannon records whole milliseconds. */
const ms = (value: number) => (value < 1 ? "< 1" : String(value));
const pct = (ratio: number) => `${ratio < 0.1 ? (ratio * 100).toFixed(1) : Math.round(ratio * 100)} %`;
const rps = (row: Row) => row.result.requestsPerSecond;
/** 1 / throughput in µs: the server time one request takes when the server is saturated (Node serves on one core). */
const usPerRequest = (row: Row) => 1_000_000 / rps(row);

function find(rows: Row[], database: string, target: string): Row | undefined {
  return rows.find((r) => r.database === database && r.target === target);
}

function resultsTable(rows: Row[]): string[] {
  const raw = rows.find((r) => r.target === RAW);
  const lines = [
    "| Database | Target | req/s | p50 ms | p99 ms | vs bare route | vs raw http | failed |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    const bare = find(rows, row.database, BARE);
    const vsBare = bare && row.target !== RAW ? pct(rps(row) / rps(bare)) : "–";
    const vsRaw = raw ? pct(rps(row) / rps(raw)) : "–";
    const r = row.result;
    lines.push(`| ${row.database} | ${row.target} | ${Math.round(r.requestsPerSecond)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${vsBare} | ${vsRaw} | ${r.failures} |`);
  }
  return lines;
}

function stepsTable(steps: StepCosts[]): string[] {
  if (steps.length === 0) return [];
  const names = steps[0]?.steps.map((s) => s.step) ?? [];
  const lines = [`| Step | ${steps.map((s) => `${s.database} µs`).join(" | ")} |`, `|---|${steps.map(() => "---:").join("|")}|`];
  for (const name of names) {
    const cells = steps.map((s) => {
      const us = s.steps.find((x) => x.step === name)?.us;
      return us === undefined ? "–" : us < 10 ? us.toFixed(2) : us.toFixed(0);
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  return lines;
}

function stepUs(steps: StepCosts | undefined, prefix: string): number | undefined {
  return steps?.steps.find((s) => s.step.startsWith(prefix))?.us;
}

/** Where the API's extra time per request goes, from the per-step costs measured alone. */
function breakdown(extraUs: number, steps: StepCosts | undefined): string {
  const parts = [
    { label: "the jobs query", us: stepUs(steps, "jobs query") },
    { label: "key verification (cache hit)", us: stepUs(steps, "verifyKey, cache hit") },
    { label: "the rate limiter", us: stepUs(steps, "rate limiter") },
    { label: "query parsing", us: stepUs(steps, "query parse") },
    { label: "JSON serialization", us: stepUs(steps, "JSON serialization") },
  ].filter((p): p is { label: string; us: number } => p.us !== undefined);
  if (parts.length === 0) return "";
  const known = parts.reduce((sum, p) => sum + p.us, 0);
  const list = parts.map((p) => `${p.label} ${p.us < 10 ? p.us.toFixed(1) : Math.round(p.us)} µs`).join(", ");
  const rest = Math.round(extraUs - known);
  return ` Measured alone: ${list}${rest > 0 ? `; the remaining ≈ ${rest} µs is the rest of the pipeline (tenant resolution, scope check, request id, envelope, rate-limit headers, request-log buffering) and the database driver under concurrency` : ""}.`;
}

function analysis(rows: Row[], steps: StepCosts[]): string[] {
  const raw = rows.find((r) => r.target === RAW);
  const out: string[] = [];
  for (const database of [...new Set(rows.map((r) => r.database))].filter((d) => d !== raw?.database)) {
    const bare = find(rows, database, BARE);
    const direct = find(rows, database, API_DIRECT);
    const vendor = find(rows, database, API_VENDOR);
    if (!bare || !direct) continue;
    const ratio = rps(direct) / rps(bare);
    const verdict = ratio >= TARGET_RATIO ? "meets" : "misses";
    const extra = usPerRequest(direct) - usPerRequest(bare);
    out.push(
      `- **${database}:** the authenticated API serves ${pct(ratio)} of the bare route's throughput with a direct key — ` +
        `it ${verdict} the ${pct(TARGET_RATIO)} target` +
        (vendor ? `; ${pct(rps(vendor) / rps(bare))} with a vendor key + Klau-Tenant-Id` : "") +
        (raw ? `; ${pct(rps(direct) / rps(raw))} of raw http` : "") +
        `. Per request (1 / throughput at saturation): ${Math.round(usPerRequest(bare))} µs on the bare route, ` +
        `${Math.round(usPerRequest(direct))} µs through the API (+${Math.round(extra)} µs).` +
        breakdown(extra, steps.find((s) => s.database === database)),
    );
  }
  const bare = rows.find((r) => r.target === BARE);
  if (raw && bare) {
    out.push(
      `- **Raw http ceiling:** the bare Next route itself reaches ${pct(rps(bare) / rps(raw))} of a raw Node \`http\` server ` +
        `(${Math.round(usPerRequest(bare))} µs vs ${Math.round(usPerRequest(raw))} µs per request). Most of the distance from the ` +
        "API to raw http is therefore the framework (routing, Web `Request`/`Response` objects, response streaming), which " +
        "no change to the pipeline can remove; the pipeline's own share is the difference between the API and the bare route.",
    );
  }
  return out;
}

export function renderReport({ rows, steps, load, machine, limiterStore, seconds }: ReportInput): string {
  return [
    "# Performance",
    "",
    "Generated by `npm run bench` (scripts/bench.ts) — rerun it to refresh this file. Numbers depend on the machine",
    "and on whatever else runs on it: compare rows of one run, not runs of different days.",
    "",
    ...(machine.busy
      ? [`> **Noisy run:** the machine was busy when the bench started (load average ${machine.loadAverage} on ${machine.cores} cores); rerun \`npm run bench\` on a quiet machine before drawing conclusions.`, ""]
      : []),
    `- **Date:** ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; total bench time ${seconds} s`,
    `- **Machine:** ${machine.cores} cores (${machine.cpu}), ${machine.platform}, Node ${machine.node}, load average at start ${machine.loadAverage}`,
    `- **Load:** autocannon, ${load.connections} connections, ${load.warmupSeconds} s warm-up then ${load.seconds} s measured per target, loopback only; every response is checked byte-for-byte against the expected JSON (\`failed\` = non-2xx, errors or different bodies).`,
    "- **Targets:** a raw Node `http` server, the bare route `GET /api/bench/bare` (exists only when the server runs with `KLAU_BENCH=1`) and `GET /api/v1/jobs?date=2026-03-15` through the full pipeline, all returning the same bytes from one `next start` (production build in `.next-bench`) on a fresh seeded database.",
    `- **Rate limiting** stays on during the API runs (${limiterStore} store; its cost is part of every API figure): the bench starts the server with \`KLAU_RATE_LIMIT_POINTS\` set to 10⁹ so the 500 / 15 min default does not stop the load test.`,
    "",
    "## Throughput and latency",
    "",
    ...resultsTable(rows),
    "",
    "## Per-step costs (one call at a time, microseconds)",
    "",
    ...stepsTable(steps),
    "",
    "## Analysis",
    "",
    ...analysis(rows, steps),
    "",
  ].join("\n");
}

export function writeReport(input: ReportInput): string {
  const text = renderReport(input);
  if (input.write) writeFileSync("docs/PERFORMANCE.md", text);
  return text;
}
