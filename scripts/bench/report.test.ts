import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { API_DIRECT, API_VENDOR, BARE, PIPELINE_DIRECT, PIPELINE_VENDOR, RAW, renderReport, type Row } from "./report";

const result = (requestsPerSecond: number): LoadResult => ({ requestsPerSecond, p50Ms: 0, p99Ms: 12, total: requestsPerSecond * 10, failures: 0 });
const machine = { cores: 2, cpu: "test cpu", node: "v20", platform: "linux x64", loadAverage: "0.10 / 0.10 / 0.10", busy: false };
const load = { connections: 16, warmupSeconds: 2, seconds: 10 };
const steps = [
  {
    database: "embedded PGlite",
    steps: [
      { step: "verifyKey, cache hit (x)", us: 5 },
      { step: "rate limiter: consume one point", us: 3 },
      { step: "jobs query: listJobs for one day (10 jobs)", us: 400 },
    ],
  },
  { database: "PostgreSQL", steps: [{ step: "same SQL on the bare driver (node-postgres, no Prisma)", us: 150 }] },
];

function report({ pipeline = 900, api = 500, busy = false } = {}): string {
  const rows: Row[] = [
    { database: "embedded PGlite", target: BARE, result: result(1000) },
    { database: "embedded PGlite", target: PIPELINE_DIRECT, result: result(pipeline) },
    { database: "embedded PGlite", target: PIPELINE_VENDOR, result: result(pipeline) },
    { database: "embedded PGlite", target: API_DIRECT, result: result(api) },
    { database: "embedded PGlite", target: API_VENDOR, result: result(api) },
    { database: "none", target: RAW, result: result(20000) },
  ];
  return renderReport({ rows, steps, load, machine: { ...machine, busy }, limiterStore: "memory", seconds: 100, write: false });
}

describe("the performance report", () => {
  it("gives each target's share of the bare route and of raw http", () => {
    const text = report();
    expect(text).toContain("| embedded PGlite | API, direct key | 500 | < 1 | 12 | 50 % | 2.5 % | 0 |");
    expect(text).toContain("| none | raw Node http | 20000 | < 1 | 12 | – | 100 % | 0 |");
  });

  it("judges the gateway (pipeline without query) and the real endpoint against the 85 % target", () => {
    const text = report({ pipeline: 900, api: 500 });
    expect(text).toContain("| embedded PGlite | gateway overhead: pipeline without DB query, direct key | 85 % | 90 % (900 of 1000 req/s) | **met** (5 points above the target) |");
    expect(text).toContain("| embedded PGlite | real endpoint `GET /api/v1/jobs?date=…`, direct key | 85 % | 50 % (500 of 1000 req/s) | **missed** by 35 points |");
    expect(report({ pipeline: 800 })).toContain("| 80 % (800 of 1000 req/s) | **missed** by 5 points |");
    expect(text).toContain("**In short:** the gateway without a query reaches 90 %–90 % of the bare route (2 of 2 measurements meet 85 %); the real jobs endpoint reaches 50 %–50 % (0 of 2).");
  });

  it("splits the extra time per request into gateway and query", () => {
    // 1 / 1000 s = 1000 µs bare, 1 / 900 s = 1111 µs pipeline (+111), 1 / 500 s = 2000 µs API (+889 for the query).
    const text = report({ pipeline: 900, api: 500 });
    expect(text).toContain("the pipeline without a query 1111 µs (gateway: +111 µs) and the real endpoint 2000 µs (the query: +889 µs) — 89 % of the API's extra time is the database query");
    expect(text).toContain("the steps measured alone add up to 8.0 µs (key verification (cache hit) 5.0, rate limiter 3.0)");
    expect(text).toContain("`listJobs` alone (one call at a time) takes 400 µs through Prisma");
  });

  it("lists steps measured on one database only, with a dash for the other", () => {
    expect(report()).toContain("| same SQL on the bare driver (node-postgres, no Prisma) | – | 150 |");
  });

  it("warns when the machine was busy", () => {
    expect(report()).not.toContain("Noisy run");
    expect(report({ busy: true })).toContain("Noisy run");
  });
});
