import { AlertTriangle } from "lucide-react";
import { Card } from "@/components/ui/card";
import { exactTime } from "@/components/ui/relative-time";
import type { IdentityHeadroom } from "@/lib/ratelimit/tenant-headroom";

/** Rate-limit headroom now: used / limit in the current window per identity, a warning above 80 %. */
export function HeadroomSection({ rows, windowMinutes }: { rows: IdentityHeadroom[]; windowMinutes: number }) {
  return (
    <section aria-labelledby="headroom-heading" className="space-y-3">
      <div>
        <h2 id="headroom-heading" className="text-base font-semibold text-zinc-900">
          Rate-limit headroom now
        </h2>
        <p className="text-sm text-zinc-600">
          Requests used in the current {windowMinutes}-minute window. Direct keys share one budget; each vendor has its own for this company.
        </p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {rows.map((row) => {
          const percent = Math.min(100, Math.round((row.used / row.limit) * 100));
          return (
            <li key={row.identity}>
              <Card className="space-y-2 p-4">
                <div className="flex items-start justify-between gap-2">
                  <h3 className="text-sm font-medium text-zinc-900">{row.label}</h3>
                  {row.warning ? (
                    <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-800">
                      <AlertTriangle aria-hidden="true" className="size-3.5" /> Over 80 % used
                    </span>
                  ) : null}
                </div>
                <p className="text-sm text-zinc-700" data-testid="headroom-used">
                  <span className="text-lg font-semibold tabular-nums text-zinc-900">{row.used}</span> / {row.limit} used · {row.remaining} left
                </p>
                {/* The text above says it; the bar only shows it. */}
                <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-zinc-200">
                  <div className={row.warning ? "h-full bg-amber-700" : "h-full bg-emerald-700"} style={{ width: `${percent}%` }} />
                </div>
                <p className="text-xs text-zinc-600">{row.resetsAt ? `Resets ${exactTime(new Date(row.resetsAt))}` : "No request in the current window"}</p>
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
