"use client";

import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { KEY_STATUS_LABEL } from "@/components/keys/key-status-badge";
import { KEY_FILTERS, type KeyFilter } from "@/lib/keys/filters";
import type { KeyListState } from "./use-keys";

const FILTER_LABEL: Record<KeyFilter, string> = { current: "All but revoked", all: "All, revoked too", ...KEY_STATUS_LABEL };
const CONTROL =
  "block rounded-md border-0 bg-white py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none";

/** Search by name (debounced), status filter, and for corporate users the All divisions view with a division filter. */
export function KeysToolbar({
  state,
  onChange,
  allDivisions,
}: {
  state: KeyListState;
  onChange: (patch: Partial<KeyListState>) => void;
  allDivisions: { companies: { id: string; name: string }[] } | null;
}) {
  const [search, setSearch] = useState(state.search);
  // "Clear filters" and other outside changes reach the box too.
  useEffect(() => setSearch((typed) => (typed.trim() === state.search ? typed : state.search)), [state.search]);
  useEffect(() => {
    if (search.trim() === state.search) return;
    const timer = setTimeout(() => onChange({ search: search.trim(), page: 1 }), 250);
    return () => clearTimeout(timer);
  }, [search, state.search, onChange]);

  return (
    <div className="space-y-3">
      {allDivisions ? (
        <fieldset className="inline-flex rounded-md p-0.5 ring-1 ring-zinc-300 ring-inset">
          <legend className="sr-only">Keys of</legend>
          {(["company", "all"] as const).map((view) => (
            <label
              key={view}
              className={cn(
                "relative rounded px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600",
                state.view === view ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100",
              )}
            >
              <input
                type="radio"
                name="keys-view"
                value={view}
                checked={state.view === view}
                onChange={() => onChange({ view, companyId: "", page: 1 })}
                // Invisible but covering the label: clicks land on the radio itself.
                className="absolute inset-0 cursor-pointer appearance-none rounded opacity-0"
              />
              {view === "company" ? "This company" : "All divisions"}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <div className="relative flex-1">
          <label htmlFor="keys-search" className="sr-only">
            Search keys by name
          </label>
          <Search aria-hidden="true" className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-zinc-500" />
          <input
            id="keys-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search by name"
            className={cn(CONTROL, "w-full pr-3 pl-8 placeholder:text-zinc-500")}
          />
        </div>
        <div className="flex gap-2">
          <label className="sr-only" htmlFor="keys-status">
            Status
          </label>
          <select
            id="keys-status"
            value={state.status}
            onChange={(e) => onChange({ status: e.target.value as KeyFilter, page: 1 })}
            className={cn(CONTROL, "min-w-0 flex-1 pr-8 pl-3 sm:flex-none")}
          >
            {KEY_FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {FILTER_LABEL[filter]}
              </option>
            ))}
          </select>
          {allDivisions && state.view === "all" ? (
            <>
              <label className="sr-only" htmlFor="keys-division">
                Division
              </label>
              <select
                id="keys-division"
                value={state.companyId}
                onChange={(e) => onChange({ companyId: e.target.value, page: 1 })}
                className={cn(CONTROL, "min-w-0 flex-1 pr-8 pl-3 sm:flex-none")}
              >
                <option value="">Every division</option>
                {allDivisions.companies.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
