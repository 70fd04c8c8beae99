import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { buttonClasses } from "@/components/ui/button";
import { USAGE_PRESETS, type UsageQuery } from "@/lib/request-log/range";

const PRESET_LABELS = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" } as const;

/**
 * Preset ranges as links (the URL is the state: shareable, back button works) and a custom range
 * form; `keep` carries the page's other query parameters (a vendor's chosen hauler) across both.
 */
export function RangePicker({ basePath, query, keep = {} }: { basePath: string; query: UsageQuery; keep?: Record<string, string> }) {
  const custom = Boolean(query.from || query.to);
  const active = custom ? null : (query.range ?? "30d");
  return (
    <div className="flex flex-wrap items-end gap-4">
      <nav aria-label="Time range">
        <ul className="inline-flex rounded-md shadow-xs ring-1 ring-inset ring-zinc-300">
          {USAGE_PRESETS.map((preset) => (
            <li key={preset}>
              <Link
                href={`${basePath}?${new URLSearchParams({ ...keep, range: preset })}`}
                aria-current={active === preset ? "page" : undefined}
                className={cn(
                  "block px-3 py-2 text-sm font-medium first:rounded-l-md",
                  focusRing,
                  active === preset ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-50",
                )}
              >
                {PRESET_LABELS[preset]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-2" aria-label="Custom range">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="text-sm text-zinc-700">
          <span className="block text-xs font-medium">From</span>
          <input
            type="date"
            name="from"
            defaultValue={query.from}
            required
            className="rounded-md px-2 py-1.5 text-sm ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-indigo-600"
          />
        </label>
        <label className="text-sm text-zinc-700">
          <span className="block text-xs font-medium">To</span>
          <input
            type="date"
            name="to"
            defaultValue={query.to}
            required
            className="rounded-md px-2 py-1.5 text-sm ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-indigo-600"
          />
        </label>
        <button type="submit" className={buttonClasses(custom ? "primary" : "secondary")}>
          Apply range
        </button>
      </form>
    </div>
  );
}
