"use client";

import { Check, Search, X } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import type { ConsoleEndpoint, ConsoleGroup } from "@/lib/console/catalog";
import { MethodBadge } from "./method-badge";
import { scopeStatus } from "./request-model";

function matches(endpoint: ConsoleEndpoint, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [endpoint.method, endpoint.path, endpoint.summary, endpoint.scope, endpoint.group].some((text) => text.toLowerCase().includes(q));
}

function ScopeMark({ status, scope }: { status: "has" | "lacks" | "unknown"; scope: string }) {
  if (status === "unknown") return <span className="font-mono text-[11px] text-zinc-600">{scope}</span>;
  const has = status === "has";
  return (
    <span className={cn("inline-flex items-center gap-0.5 font-mono text-[11px]", has ? "text-emerald-800" : "text-red-700")}>
      {has ? <Check aria-hidden="true" className="size-3" /> : <X aria-hidden="true" className="size-3" />}
      {scope}
      <span className="sr-only">{has ? "(granted)" : "(missing)"}</span>
    </span>
  );
}

/**
 * The operations of /api/v1 by resource, searchable, each with the scope it needs and whether the
 * chosen identity has it (unknown for a pasted key: the API decides).
 */
export function EndpointPicker({
  groups,
  selectedId,
  scopes,
  onSelect,
}: {
  groups: ConsoleGroup[];
  selectedId: string | null;
  scopes: readonly string[] | null;
  onSelect: (endpoint: ConsoleEndpoint) => void;
}) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const filtered = useMemo(
    () => groups.map((g) => ({ ...g, endpoints: g.endpoints.filter((e) => matches(e, query)) })).filter((g) => g.endpoints.length > 0),
    [groups, query],
  );
  const count = filtered.reduce((n, g) => n + g.endpoints.length, 0);
  return (
    <nav aria-label="Endpoints" className="flex min-h-0 flex-col gap-3">
      <div className="relative">
        <label htmlFor={searchId} className="sr-only">
          Search endpoints
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-zinc-500" />
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search endpoints"
          className="block w-full rounded-md border-0 bg-white py-2 pr-3 pl-8 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        />
      </div>
      <p className="sr-only" aria-live="polite">
        {count} endpoint{count === 1 ? "" : "s"}
      </p>
      <div className="max-h-72 space-y-4 overflow-y-auto pr-1 lg:max-h-[70vh]">
        {filtered.length === 0 ? <p className="px-1 text-sm text-zinc-600">No endpoint matches “{query}”.</p> : null}
        {filtered.map((group) => (
          <section key={group.name} aria-labelledby={`${searchId}-${group.name}`}>
            <h3 id={`${searchId}-${group.name}`} className="px-1 pb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase">
              {group.name}
            </h3>
            <ul className="space-y-0.5">
              {group.endpoints.map((endpoint) => {
                const selected = endpoint.id === selectedId;
                return (
                  <li key={endpoint.id}>
                    <button
                      type="button"
                      onClick={() => onSelect(endpoint)}
                      aria-current={selected ? "true" : undefined}
                      className={cn(
                        "flex w-full flex-col gap-0.5 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100",
                        selected && "bg-indigo-50 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50",
                        focusRing,
                      )}
                    >
                      <span className="flex min-w-0 items-center gap-2">
                        <MethodBadge method={endpoint.method} />
                        <span className="truncate font-mono text-xs text-zinc-900">{endpoint.path.replace("/api/v1", "")}</span>
                      </span>
                      <span className="flex flex-wrap items-center justify-between gap-x-2 pl-16 text-xs text-zinc-600">
                        <span>{endpoint.summary}</span>
                        <ScopeMark status={scopeStatus(scopes, endpoint)} scope={endpoint.scope} />
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}
