import { cn } from "@/components/ui/cn";
import type { ScopeChange, ScopeDiffRow } from "@/lib/tenancy/grant-diff";

const LABEL: Record<ScopeChange, string> = { added: "Added", removed: "Removed", unchanged: "Unchanged", "not-granted": "Not granted" };
const TONE: Record<ScopeChange, string> = {
  added: "bg-emerald-50 text-emerald-800",
  removed: "bg-red-50 text-red-800",
  unchanged: "text-zinc-600",
  "not-granted": "bg-zinc-50 text-zinc-600",
};
const SIGN: Record<ScopeChange, string> = { added: "+", removed: "−", unchanged: "=", "not-granted": "×" };

/** The grant after a decision, scope by scope, against the grant now. */
export function ScopeDiffList({ rows, label }: { rows: ScopeDiffRow[]; label: string }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-500">No scopes.</p>;
  return (
    <ul aria-label={label} className="divide-y divide-zinc-100 rounded-md border border-zinc-200 text-sm">
      {rows.map((row) => (
        <li key={row.scope} className={cn("flex items-center justify-between gap-3 px-3 py-1.5", TONE[row.change])}>
          <span className="font-mono text-xs">
            <span aria-hidden="true" className="mr-2 inline-block w-3 text-center">
              {SIGN[row.change]}
            </span>
            {row.scope}
          </span>
          <span className="text-xs font-medium">{LABEL[row.change]}</span>
        </li>
      ))}
    </ul>
  );
}
