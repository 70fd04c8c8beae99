import { describe, expect, it } from "vitest";
import { addToHistory, HISTORY_LIMIT, type HistoryEntry, parseHistory } from "./history";

const entry = (i: number): HistoryEntry => ({
  id: `h${i}`,
  at: new Date(i).toISOString(),
  endpointId: "listJobs",
  method: "GET",
  path: `/api/v1/jobs?i=${i}`,
  params: {},
  body: null,
  identity: "key",
  haulerId: null,
  status: 200,
  durationMs: 3,
});

describe("console history", () => {
  it("keeps the newest 20 calls, newest first", () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 25; i++) history = addToHistory(history, entry(i));
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.id).toBe("h24");
    expect(history.at(-1)?.id).toBe("h5");
  });

  it("never stores a key, even one slipped into an entry", () => {
    const withKey = { ...entry(1), key: "kl_live_secret", authorization: "Bearer x" } as HistoryEntry;
    const stored = JSON.stringify(addToHistory([], withKey));
    expect(stored).not.toContain("kl_live_");
    expect(stored).not.toContain("Bearer");
  });

  it("reads back what it stored and ignores garbage", () => {
    const history = addToHistory([], entry(1));
    expect(parseHistory(JSON.stringify(history))).toEqual(history);
    expect(parseHistory("{not json")).toEqual([]);
    expect(parseHistory(JSON.stringify([{ nope: 1 }]))).toEqual([]);
  });
});
