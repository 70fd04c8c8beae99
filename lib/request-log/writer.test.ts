import { describe, expect, it } from "vitest";
import type { RequestLogEntry } from "./buffer";
import { jsonArrayBytes } from "./writer";

const entry = (n: number): RequestLogEntry => ({
  apiKeyId: n % 2 ? `key-${n}` : null,
  consoleUserId: null,
  companyId: "company-1",
  vendorId: null,
  method: "GET",
  path: `/api/v1/jobs?note="${n}, ü"`,
  status: 200,
  durationMs: n,
  requestId: `req-${n}`,
  errorCode: null,
  scope: "read:jobs",
  createdAt: new Date(Date.UTC(2026, 11, 2, 10, 0, 0, n)),
});

const parsed = async (entries: RequestLogEntry[], perTurn?: number) => JSON.parse((await jsonArrayBytes(entries, perTurn)).toString("utf8"));

describe("jsonArrayBytes", () => {
  it("joins the slices into one array of every entry, in order, times as epoch milliseconds", async () => {
    const entries = Array.from({ length: 7 }, (_, n) => entry(n));
    const rows = await parsed(entries, 3);
    expect(rows).toHaveLength(7);
    expect(rows.map((r: { requestId: string }) => r.requestId)).toEqual(entries.map((e) => e.requestId));
    expect(rows[6]).toEqual({ ...entries[6], createdAt: undefined, createdAtMs: Date.UTC(2026, 11, 2, 10, 0, 0, 6) });
  });

  it("gives the same bytes whatever the slice size", async () => {
    const entries = Array.from({ length: 10 }, (_, n) => entry(n));
    const whole = await jsonArrayBytes(entries, 100);
    expect((await jsonArrayBytes(entries, 1)).equals(whole)).toBe(true);
    expect((await jsonArrayBytes(entries, 4)).equals(whole)).toBe(true);
  });

  it("writes an empty batch as an empty array", async () => {
    expect(await parsed([])).toEqual([]);
  });
});
