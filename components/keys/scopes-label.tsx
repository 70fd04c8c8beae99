"use client";

import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { Tooltip } from "@/components/ui/tooltip";
import { scopesLabel } from "@/lib/scopes/access-map";

/** "Full access", "Read only" or "6 scopes", with the exact scope strings on hover and keyboard focus. */
export function ScopesLabel({ scopes }: { scopes: readonly string[] }) {
  const label = scopesLabel(scopes);
  return (
    <Tooltip
      content={
        <ul className="space-y-0.5 font-mono">
          {scopes.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      }
    >
      <button
        type="button"
        aria-label={`${label}: ${scopes.join(", ")}`}
        className={cn(
          "cursor-default rounded text-left whitespace-nowrap text-zinc-700 underline decoration-zinc-300 decoration-dotted underline-offset-4",
          focusRing,
        )}
      >
        {label}
      </button>
    </Tooltip>
  );
}
