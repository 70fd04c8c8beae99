"use client";

import { useCallback, useEffect, useState } from "react";
import { addToHistory, type HistoryEntry, historyStorageKey, parseHistory } from "./history";

/** The console's history in localStorage (read after mount: the server has none). */
export function useHistory(scope: string) {
  const storageKey = historyStorageKey(scope);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  useEffect(() => setEntries(parseHistory(localStorage.getItem(storageKey))), [storageKey]);
  const save = useCallback(
    (next: HistoryEntry[]) => {
      setEntries(next);
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the history stays for this page only.
      }
    },
    [storageKey],
  );
  return {
    entries,
    add: (entry: HistoryEntry) => save(addToHistory(entries, entry)),
    clear: () => save([]),
  };
}
