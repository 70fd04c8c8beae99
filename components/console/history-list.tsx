"use client";

import { History, Play, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { HistoryEntry } from "./history";
import { MethodBadge } from "./method-badge";

/** The last 20 calls made in this browser (no keys kept), each loadable and re-runnable. */
export function HistoryList({
  entries,
  onLoad,
  onRun,
  onClear,
}: {
  entries: HistoryEntry[];
  onLoad: (entry: HistoryEntry) => void;
  onRun: (entry: HistoryEntry) => void;
  onClear: () => void;
}) {
  return (
    <section aria-labelledby="console-history-heading" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="console-history-heading" className="flex items-center gap-1.5 text-sm font-semibold text-zinc-900">
          <History aria-hidden="true" className="size-4" />
          History
        </h2>
        {entries.length > 0 ? (
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={onClear}>
            Clear
          </Button>
        ) : null}
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600">Calls you send appear here (kept in this browser, without keys).</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-md ring-1 ring-inset ring-zinc-200" data-testid="console-history">
          {entries.map((entry) => (
            <li key={entry.id} className="flex items-center gap-2 px-2 py-1.5">
              <MethodBadge method={entry.method} />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-mono text-xs text-zinc-900">{entry.path.replace("/api/v1", "")}</span>
                <span className="block text-xs text-zinc-600">
                  {entry.status} · {entry.durationMs} ms · <RelativeTime date={new Date(entry.at)} />
                </span>
              </span>
              <Button variant="ghost" className="p-1.5" onClick={() => onLoad(entry)} aria-label={`Load ${entry.method} ${entry.path}`}>
                <Upload aria-hidden="true" className="size-4" />
              </Button>
              <Button variant="ghost" className="p-1.5" onClick={() => onRun(entry)} aria-label={`Run again ${entry.method} ${entry.path}`}>
                <Play aria-hidden="true" className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
