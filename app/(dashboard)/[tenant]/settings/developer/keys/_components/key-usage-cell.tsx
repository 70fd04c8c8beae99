"use client";

import dynamic from "next/dynamic";
import type { KeyUsage } from "@/lib/keys/queries";

// recharts is loaded after the list renders: it stays out of the keys page's first-load JS.
const KeySparkline = dynamic(() => import("@/components/charts/key-sparkline").then((m) => m.KeySparkline), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-6 w-24" />,
});

/** "123 in 30 days" with the daily sparkline; the busiest day in words for screen readers. */
export function KeyUsageCell({ usage }: { usage: KeyUsage | undefined }) {
  if (!usage) return <span className="text-zinc-600">–</span>;
  const peak = Math.max(0, ...usage.daily);
  return (
    <div className="flex items-center gap-2">
      <KeySparkline daily={usage.daily} />
      <span className="whitespace-nowrap tabular-nums text-zinc-900" data-testid="key-usage-30d">
        {usage.total.toLocaleString("en-US")}
        <span className="sr-only">
          {" "}
          {usage.total === 1 ? "request" : "requests"} in 30 days{usage.total > 0 ? `, at most ${peak} in a day` : ""}
        </span>
      </span>
    </div>
  );
}
