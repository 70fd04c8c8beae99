import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import {
  API_DIRECT,
  API_DIRECT_UNCACHED,
  API_VENDOR,
  API_VENDOR_UNCACHED,
  BARE,
  BARE_PLAIN,
  PIPELINE_DIRECT,
  PIPELINE_VENDOR,
  oneOffSections,
  RAW,
  renderReport,
  type Row,
} from "./report";

const result = (requestsPerSecond: number): LoadResult => ({
  requestsPerSecond,
  p50Ms: 0,
  p99Ms: 12,
  total: requestsPerSecond * 5,
  rounds: [requestsPerSecond - 10, requestsPerSecond, requestsPerSecond + 10],
  failures: 0,
});
const machine = { cores: 2, cpu: "test cpu", node: "v20", platform: "linux x64", loadAverage: "0.10 / 0.10 / 0.10", busy: false };
const load = { connections: 16, warmupSeconds: 1, seconds: 5, rounds: 3 };
const steps = [
  {
    database: "embedded PGlite",
    steps: [
      { step: "verifyKey, cache hit (x)", us: 5 },
      { step: "rate limiter: consume one point", us: 3 },
      { step: "read cache: stored answer found (hit)", us: 0.5 },
      { step: "jobs query: listJobs for one day (10 jobs)", us: 400 },
      { step: "same statement through Prisma's $queryRaw (as before)", us: 500 },
      { step: "typed query it replaced (Prisma's findMany, then toJob per row)", us: 600 },
    ],
  },
  { database: "PostgreSQL", steps: [{ step: "JSON serialization of that page", us: 15 }] },
];

function report({ pipeline = 900, api = 880, uncached = 500, busy = false } = {}): string {
  const rows: Row[] = [
    { database: "embedded PGlite", target: BARE, result: result(1000) },
    { database: "embedded PGlite", target: BARE_PLAIN, result: result(1100) },
    { database: "embedded PGlite", target: PIPELINE_DIRECT, result: result(pipeline) },
    { database: "embedded PGlite", target: PIPELINE_VENDOR, result: result(pipeline) },
    { database: "embedded PGlite", target: API_DIRECT, result: result(api) },
    { database: "embedded PGlite", target: API_VENDOR, result: result(api) },
    { database: "embedded PGlite", target: API_DIRECT_UNCACHED, result: result(uncached) },
    { database: "embedded PGlite", target: API_VENDOR_UNCACHED, result: result(uncached) },
    { database: "none", target: RAW, result: result(20000) },
  ];
  return renderReport({ rows, steps, load, machine: { ...machine, busy }, limiterStore: "memory", seconds: 100, write: false });
}

describe("the performance report", () => {
  it("gives each target's median, its rounds, and its share of the bare route and of raw http", () => {
    const text = report();
    expect(text).toContain("| embedded PGlite | API, direct key | 880 | 870 / 880 / 890 | < 1 | 12 | 88 % | 4.4 % | 0 |");
    expect(text).toContain("| none | raw Node http | 20000 | 19990 / 20000 / 20010 | < 1 | 12 | – | 100 % | 0 |");
  });

  it("judges the real endpoint as shipped, the gateway and the uncached endpoint against the 85 % target", () => {
    const text = report({ pipeline: 900, api: 880, uncached: 500 });
    expect(text).toContain(
      "| embedded PGlite | gateway overhead: pipeline without DB query, direct key | 85 % | 90 % (900 of 1000 req/s) | **met** (5 points above the target) |",
    );
    expect(text).toContain(
      "| embedded PGlite | **real endpoint** `GET /api/v1/jobs?date=…` as shipped, direct key | 85 % | 88 % (880 of 1000 req/s) | **met** (3 points above the target) |",
    );
    expect(text).toContain(
      "| embedded PGlite | real endpoint with the read cache off (every request queries), direct key | 85 % | 50 % (500 of 1000 req/s) | **missed** by 35 points |",
    );
    expect(report({ api: 800 })).toContain("| 80 % (800 of 1000 req/s) | **missed** by 5 points |");
    expect(report({ api: 849 })).toContain("| 85 % (849 of 1000 req/s) | **missed** by 0.1 points |");
    expect(report({ api: 860 })).toContain("| 86 % (860 of 1000 req/s) | **met** (1 point above the target) |");
    expect(report({ api: 850 })).toContain("| 85 % (850 of 1000 req/s) | **met** (at the target) |");
    expect(text).toContain(
      "**In short:** the real jobs endpoint as shipped reaches 88 %–88 % of the bare route (2 of 2 measurements meet 85 %); the gateway alone, without a query, reaches 90 %–90 % (2 of 2); with the read cache off, when every request queries the database, it reaches 50 %–50 %.",
    );
  });

  it("splits the extra time per request into gateway, cache hit and query", () => {
    // 1 / 1000 s = 1000 µs bare, 1 / 900 s = 1111 µs pipeline (+111), 1 / 880 s = 1136 µs as shipped, 1 / 500 s = 2000 µs uncached.
    const text = report();
    expect(text).toContain(
      "the pipeline without a query 1111 µs (gateway: +111 µs), the real endpoint as shipped 1136 µs (+136 µs over the bare route); with the read cache off it takes 2000 µs (+889 µs against the pipeline without a query; `/api/v1` takes the fast path while the bench routes go through Next, so the query's own cost is in the fast-path section)",
    );
    expect(text).toContain("the steps measured alone add up to 8.0 µs (key verification (cache hit) 5.0, rate limiter 3.0)");
    expect(text).toContain("finding the stored answer takes 0.50 µs");
    expect(text).toContain(
      "`listJobs` alone (one call at a time, one SQL statement on the pool of Prisma's adapter, `selectRows`) takes 400 µs; the same statement through Prisma's `$queryRaw` 500 µs; the typed query it replaced (`findMany`, then `toJob`) 600 µs.",
    );
    expect(text).toContain("direct key, read cache off → as shipped: embedded PGlite 50 % → 88 %");
  });

  it("compares the raw http server with the bare route given the same plain request", () => {
    // 1 / 1100 s = 909 µs, 1 / 20000 s = 50 µs.
    expect(report()).toContain(
      "the bare Next route reaches 5.5 % of a raw Node `http` server returning the same bytes to the same plain request (909 µs vs 50 µs per request)",
    );
  });

  it("lists steps measured on one database only, with a dash for the other", () => {
    expect(report()).toContain("| JSON serialization of that page | – | 15 |");
  });

  it("warns when the machine was busy", () => {
    expect(report()).not.toContain("Noisy run");
    expect(report({ busy: true })).toContain("Noisy run");
  });

  it("keeps the hand-written one-off sections of the current file for a full run, and only those", () => {
    const current = [
      "# Performance",
      "",
      "## API fast path (issue 14)",
      "generated",
      "",
      "## Where a read's time goes (one-off measurements)",
      "",
      "| a | b |",
      "by hand",
      "",
      "## Throughput and latency",
      "generated",
    ].join("\n");
    expect(oneOffSections(current)).toEqual(["## Where a read's time goes (one-off measurements)\n\n| a | b |\nby hand\n"]);
    expect(oneOffSections("# Performance\n\n## Throughput and latency\n")).toEqual([]);
  });
});
