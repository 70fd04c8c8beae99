import type { ConsoleMethod } from "@/lib/console/call";
import type { ParamValues } from "./request-model";

/** One past call as this browser keeps it: what to send again, never a key or credential. */
export type HistoryEntry = {
  id: string;
  at: string;
  endpointId: string;
  method: ConsoleMethod;
  path: string;
  params: ParamValues;
  body: string | null;
  identity: "session" | "key";
  haulerId: string | null;
  status: number;
  durationMs: number;
};

export const HISTORY_LIMIT = 20;

/** The newest call first, at most 20; fields outside the entry's shape (a stray key) are not kept. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const clean: HistoryEntry = {
    id: entry.id,
    at: entry.at,
    endpointId: entry.endpointId,
    method: entry.method,
    path: entry.path,
    params: entry.params,
    body: entry.body,
    identity: entry.identity,
    haulerId: entry.haulerId,
    status: entry.status,
    durationMs: entry.durationMs,
  };
  return [clean, ...history.filter((h) => h.id !== entry.id)].slice(0, HISTORY_LIMIT);
}

/** Reads the stored history, dropping anything unreadable (another version, hand edits). */
export function parseHistory(raw: string | null): HistoryEntry[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (e): e is HistoryEntry =>
          typeof e === "object" && e !== null && typeof (e as HistoryEntry).path === "string" && typeof (e as HistoryEntry).endpointId === "string",
      )
      .slice(0, HISTORY_LIMIT);
  } catch {
    return [];
  }
}

/** One history per console (tenant or vendor), so one company's calls are not offered in another. */
export function historyStorageKey(scope: string): string {
  return `klau.console.history.${scope}`;
}
