import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { API_DIRECT, API_VENDOR, BARE, RAW, renderReport, type Row } from "./report";

const result = (requestsPerSecond: number): LoadResult => ({ requestsPerSecond, p50Ms: 0, p99Ms: 12, total: requestsPerSecond * 10, failures: 0 });
const machine = { cores: 2, cpu: "test cpu", node: "v20", platform: "linux x64", loadAverage: "0.10 / 0.10 / 0.10", busy: false };
const load = { connections: 16, warmupSeconds: 2, seconds: 10 };
const steps = [{ database: "embedded PGlite", steps: [{ step: "jobs query: listJobs for one day (10 jobs)", us: 400 }, { step: "verifyKey, cache hit (x)", us: 5 }] }];

function report(apiRps: number, busy = false): string {
  const rows: Row[] = [
    { database: "embedded PGlite", target: BARE, result: result(1000) },
    { database: "embedded PGlite", target: API_DIRECT, result: result(apiRps) },
    { database: "embedded PGlite", target: API_VENDOR, result: result(apiRps) },
    { database: "none", target: RAW, result: result(20000) },
  ];
  return renderReport({ rows, steps, load, machine: { ...machine, busy }, limiterStore: "memory", seconds: 100, write: false });
}

describe("the performance report", () => {
  it("gives each target's share of the bare route and of raw http", () => {
    const text = report(900);
    expect(text).toContain("| embedded PGlite | API, direct key | 900 | < 1 | 12 | 90 % | 4.5 % | 0 |");
    expect(text).toContain("| none | raw Node http | 20000 | < 1 | 12 | – | 100 % | 0 |");
  });

  it("says whether the API meets the 85 % target and where the extra time per request goes", () => {
    expect(report(900)).toContain("serves 90 % of the bare route's throughput with a direct key — it meets the 85 % target");
    const missed = report(500);
    expect(missed).toContain("it misses the 85 % target");
    // 1 / 500 s − 1 / 1000 s = 1000 µs extra, of which 405 µs measured alone.
    expect(missed).toContain("+1000 µs");
    expect(missed).toContain("the jobs query 400 µs, key verification (cache hit) 5.0 µs; the remaining ≈ 595 µs");
  });

  it("warns when the machine was busy", () => {
    expect(report(900)).not.toContain("Noisy run");
    expect(report(900, true)).toContain("Noisy run");
  });
});
