import { Badge } from "@/components/ui/badge";
import type { HistoryEntry } from "@/lib/tenancy/partnership-views";
import { describeHistory } from "./history-text";
import { Timestamp } from "./timestamp";

/** Requests, decisions and grant changes, newest first: the same list on both sides. */
export function PartnershipHistory({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <p className="text-sm text-zinc-500">Nothing has happened yet.</p>;
  return (
    <ol className="space-y-4 border-l border-zinc-200 pl-5" aria-label="Partnership history">
      {history.map((entry) => {
        const line = describeHistory(entry);
        return (
          <li key={entry.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[25px] top-1.5 size-2 rounded-full bg-zinc-400" />
            <p className="text-sm text-zinc-900">
              <span className="font-medium">{line.title}</span> <span className="text-zinc-500">by {entry.actor}</span>
            </p>
            <p className="text-xs text-zinc-500">
              <Timestamp at={entry.at} withTime />
            </p>
            {line.scopes.map((group) => (
              <div key={group.label} className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600">
                <span>{group.label}:</span>
                {group.list.map((scope) => (
                  <Badge key={scope} mono>
                    {scope}
                  </Badge>
                ))}
              </div>
            ))}
            {line.quote ? <blockquote className="mt-1.5 border-l-2 border-zinc-300 pl-2 text-sm text-zinc-700">{line.quote}</blockquote> : null}
          </li>
        );
      })}
    </ol>
  );
}
