import { afterEach, describe, expect, it, vi } from "vitest";
import { RequestLogBuffer, type RequestLogEntry, type RequestLogWriter } from "./buffer";

function entry(i: number, apiKeyId: string | null = "k1", at = new Date(1_000 + i)): RequestLogEntry {
  return {
    apiKeyId,
    consoleUserId: null,
    companyId: "c",
    vendorId: null,
    method: "GET",
    path: "/api/v1/jobs",
    status: 200,
    durationMs: 1,
    requestId: `r${i}`,
    errorCode: null,
    scope: "read:jobs",
    createdAt: at,
  };
}

function fakeWriter(fail = false) {
  const inserted: RequestLogEntry[][] = [];
  const touched: Map<string, Date>[] = [];
  const attempted: RequestLogEntry[][] = [];
  const writer: RequestLogWriter = {
    async insert(entries) {
      attempted.push(entries);
      if (fail) throw new Error("db down");
      inserted.push(entries);
    },
    async touchKeys(lastUsed) {
      touched.push(lastUsed);
    },
  };
  return { writer, inserted, touched, attempted };
}

afterEach(() => vi.useRealTimers());

describe("RequestLogBuffer", () => {
  it("does not write on record (no database on the request path), then flushes in one batch", async () => {
    vi.useFakeTimers();
    const w = fakeWriter();
    const buffer = new RequestLogBuffer(async () => w.writer, { maxEntries: 100, intervalMs: 1000, maxBacklog: 1000 });
    for (let i = 0; i < 10; i++) buffer.record(entry(i));
    expect(w.inserted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.inserted).toHaveLength(1);
    expect(w.inserted[0]).toHaveLength(10);
  });

  it("flushes as soon as a batch is full", async () => {
    const w = fakeWriter();
    const buffer = new RequestLogBuffer(async () => w.writer, { maxEntries: 5, intervalMs: 60_000, maxBacklog: 1000 });
    for (let i = 0; i < 5; i++) buffer.record(entry(i));
    await buffer.flush();
    expect(w.inserted.flat()).toHaveLength(5);
  });

  it("coalesces lastUsedAt to one latest time per key", async () => {
    const w = fakeWriter();
    const buffer = new RequestLogBuffer(async () => w.writer);
    buffer.record(entry(1, "k1", new Date(5_000)));
    buffer.record(entry(2, "k1", new Date(3_000)));
    buffer.record(entry(3, "k2", new Date(4_000)));
    buffer.record(entry(4, null, new Date(9_000)));
    await buffer.flush();
    expect(w.touched).toEqual([
      new Map([
        ["k1", new Date(5_000)],
        ["k2", new Date(4_000)],
      ]),
    ]);
  });

  it("keeps entries when the database is down, bounded by the backlog", async () => {
    const w = fakeWriter(true);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const buffer = new RequestLogBuffer(async () => w.writer, { maxEntries: 1000, intervalMs: 60_000, maxBacklog: 3 });
    for (let i = 0; i < 5; i++) buffer.record(entry(i));
    await buffer.flush();
    expect(buffer.pending).toBe(3);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("past a full backlog drops the oldest tenth at once and keeps the newest", async () => {
    const w = fakeWriter(true);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const buffer = new RequestLogBuffer(async () => w.writer, { maxEntries: 1_000_000, intervalMs: 60_000, maxBacklog: 100 });
    for (let i = 0; i < 101; i++) buffer.record(entry(i));
    expect(buffer.pending).toBe(91);
    for (let i = 101; i < 1_000; i++) buffer.record(entry(i));
    expect(buffer.pending).toBeLessThanOrEqual(100);
    await buffer.flush();
    const kept = w.attempted.at(-1)?.map((e) => e.requestId) ?? [];
    expect(kept.at(-1)).toBe("r999");
    expect(kept).not.toContain("r0");
    warn.mockRestore();
  });
});
