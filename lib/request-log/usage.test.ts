import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { usageQuery, usageRange } from "./usage";

const now = new Date("2026-03-15T10:00:00Z");

describe("usage query", () => {
  it.each([
    [{}, { from: "2026-02-14", to: "2026-03-15" }],
    [{ to: "2026-03-01" }, { from: "2026-01-31", to: "2026-03-01" }],
    [{ from: "2026-03-10", to: "2026-03-10" }, { from: "2026-03-10", to: "2026-03-10" }],
  ])("%j → %j", (query, expected) => {
    expect(usageRange(query, now)).toEqual(expected);
  });

  it.each([[{ from: "2026-03-11", to: "2026-03-10" }], [{ from: "2024-01-01", to: "2026-03-10" }]])("%j is refused", (query) => {
    expect(() => usageRange(query, now)).toThrow(InvalidInputError);
  });

  it.each([["2026-13-01"], ["15/03/2026"], ["2026-03-15T00:00:00Z"], [""]])("from=%j is not a date", (from) => {
    expect(usageQuery.safeParse({ from }).success).toBe(false);
  });
});
