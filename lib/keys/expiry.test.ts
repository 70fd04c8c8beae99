import { describe, expect, it } from "vitest";
import { expiresAtFor, expiryProblem, type KeyExpiry } from "./expiry";

const now = new Date("2026-06-01T12:00:00Z");

describe("expiryProblem", () => {
  it.each<[string, KeyExpiry, number | null, string | null]>([
    ["never, no maximum", { kind: "never" }, null, null],
    ["never, maximum 30 days", { kind: "never" }, 30, "This company allows keys to live at most 30 days: choose an expiry"],
    ["30 days, maximum 30", { kind: "days", days: 30 }, 30, null],
    ["90 days, maximum 30", { kind: "days", days: 90 }, 30, "This company allows keys to live at most 30 days"],
    ["a date 30 days out, maximum 30", { kind: "date", date: "2026-07-01" }, 30, null],
    ["a date 31 days out, maximum 30", { kind: "date", date: "2026-07-02" }, 30, "This company allows keys to live at most 30 days"],
    ["today (ends tonight)", { kind: "date", date: "2026-06-01" }, null, null],
    ["yesterday", { kind: "date", date: "2026-05-31" }, null, "Choose a date in the future"],
    ["not a date", { kind: "date", date: "2026-13-45" }, null, "Choose a valid date"],
    ["beyond the absolute limit", { kind: "days", days: 3651 }, null, "Keys may live at most 3650 days"],
  ])("%s", (_, expiry, max, problem) => {
    expect(expiryProblem(expiry, max, now)).toBe(problem);
  });
});

describe("expiresAtFor", () => {
  it("counts days from now, ends a date at midnight UTC after it, and never is null", () => {
    expect(expiresAtFor({ kind: "days", days: 30 }, now)).toEqual(new Date("2026-07-01T12:00:00Z"));
    expect(expiresAtFor({ kind: "date", date: "2026-07-01" }, now)).toEqual(new Date("2026-07-02T00:00:00Z"));
    expect(expiresAtFor({ kind: "never" }, now)).toBeNull();
  });
});
