import { describe, expect, it } from "vitest";
import { FP, type FastPathResult, fastPathSection, ratio } from "./fast-path";

function result(rounds: Record<string, number[]>): FastPathResult {
  // The server's CPU per request as if it were saturated on one core (1 / throughput).
  const map = new Map(Object.entries(rounds).map(([name, list]) => [name, list.map((rps) => ({ rps, p50: 1, p99: 4, cpuUs: 1_000_000 / rps }))]));
  return {
    rounds: map,
    rssMb: { "next start": 300, "fast path (ours)": 280, "fast path (hono)": 290 },
    idleRssMb: {},
    load: { connections: 16, warmupSeconds: 1, seconds: 10, rounds: 3 },
    payloadBytes: 1000,
    measuredAt: "2026-12-02 05:40",
    machine: { cores: 2, cpu: "test CPU", node: "v20.0.0", platform: "linux x64", loadAverage: "0.10 / 0.20 / 0.30", busy: false },
  };
}

describe("fast path report", () => {
  it("takes ratios within each round and reports their median and spread", () => {
    const r = result({ [FP.raw]: [10_000, 20_000, 10_000], [FP.ownHit]: [3_000, 5_000, 2_000] });
    expect(ratio(r, FP.ownHit, FP.raw)).toEqual({ median: 0.25, min: 0.2, max: 0.3 });
  });

  it("says a target is met only at the median when one round misses it", () => {
    const r = result({
      [FP.raw]: [10_000, 10_000, 10_000],
      [FP.bare]: [500, 500, 500],
      [FP.nextHit]: [400, 400, 400],
      [FP.ownHit]: [3_000, 2_000, 2_600],
      [FP.honoHit]: [2_500, 2_500, 2_500],
      [FP.nextMiss]: [300, 300, 300],
      [FP.ownMiss]: [1_000, 1_000, 1_000],
      [FP.honoMiss]: [900, 900, 900],
    });
    const text = fastPathSection(r).join("\n");
    expect(text).toContain("Cache hit ≥ 25 % of raw Node http: 26 % (20 %–30 %) — **met at the median, not in every round**");
    expect(text).toContain("Cache miss ≥ 3× today's (API via Next, every request queries): 3.3× (3.3–3.3×) — **met in every round**");
  });

  it("says when and on what machine the figures were measured", () => {
    const text = fastPathSection(result({ [FP.raw]: [10_000, 10_000, 10_000] })).join("\n");
    expect(text).toContain("Measured 2026-12-02 05:40 UTC on 2 cores (test CPU), linux x64, Node v20.0.0, load average at start 0.10 / 0.20 / 0.30.");
  });

  it("shows each target's server CPU per request as median (min–max) over the rounds", () => {
    const r = result({ [FP.raw]: [40_000, 50_000, 25_000], [FP.ownHit]: [8_000, 10_000, 5_000] });
    const text = fastPathSection(r).join("\n");
    expect(text).toMatch(/\| raw Node http \| 40000 \| .* \| 25 \(20–40\) \|/);
    expect(text).toMatch(/\| API fast path \(our adapter\), read cache hit \| 8000 \| .* \| 125 \(100–200\) \|/);
  });
});
