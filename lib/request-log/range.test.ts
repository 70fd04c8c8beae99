import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { bucketStarts, usageQuery, usageRange } from "./range";

const now = new Date("2026-03-15T10:20:00Z");
const iso = (r: { start: Date; end: Date }) => [r.start.toISOString(), r.end.toISOString()];

describe("usage range", () => {
  it.each([
    [{}, ["2026-02-14T00:00:00.000Z", "2026-03-16T00:00:00.000Z"], "day", 30],
    [{ range: "30d" as const }, ["2026-02-14T00:00:00.000Z", "2026-03-16T00:00:00.000Z"], "day", 30],
    [{ range: "7d" as const }, ["2026-03-09T00:00:00.000Z", "2026-03-16T00:00:00.000Z"], "day", 7],
    [{ range: "24h" as const }, ["2026-03-14T11:00:00.000Z", "2026-03-15T11:00:00.000Z"], "hour", 24],
    [{ to: "2026-03-01" }, ["2026-01-31T00:00:00.000Z", "2026-03-02T00:00:00.000Z"], "day", 30],
    [{ from: "2026-03-10", to: "2026-03-10" }, ["2026-03-10T00:00:00.000Z", "2026-03-11T00:00:00.000Z"], "hour", 24],
  ])("%j → %j by %s, %d buckets", (query, bounds, granularity, buckets) => {
    const range = usageRange(query, now);
    expect(iso(range)).toEqual(bounds);
    expect(range.granularity).toBe(granularity);
    expect(bucketStarts(range)).toHaveLength(buckets);
  });

  it.each([[{ from: "2026-03-11", to: "2026-03-10" }], [{ from: "2024-01-01", to: "2026-03-10" }], [{ range: "7d" as const, from: "2026-03-01" }]])(
    "%j is refused",
    (query) => {
      expect(() => usageRange(query, now)).toThrow(InvalidInputError);
    },
  );

  it.each([["2026-13-01"], ["15/03/2026"], ["2026-03-15T00:00:00Z"], [""]])("from=%j is not a date", (from) => {
    expect(usageQuery.safeParse({ from }).success).toBe(false);
  });

  it("range must be one of the presets", () => {
    expect(usageQuery.safeParse({ range: "90d" }).success).toBe(false);
  });
});
