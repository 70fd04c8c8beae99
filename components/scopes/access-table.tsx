"use client";

import { Search } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import type { AccessMap, ResourceAccess } from "@/lib/scopes/access-map";
import { RESOURCE_CATALOG, type Resource, resourcesByGroup } from "@/lib/scopes/catalog";

const COLUMNS: { access: Exclude<ResourceAccess, "write">; label: string }[] = [
  { access: "none", label: "No access" },
  { access: "read", label: "Read" },
  { access: "read-write", label: "Read & write" },
];

function matches(resource: Resource, groupLabel: string, query: string): boolean {
  if (!query) return true;
  const { label, description } = RESOURCE_CATALOG[resource];
  return [resource, label, groupLabel, description].some((text) => text.toLowerCase().includes(query));
}

/**
 * Per-resource access as a table of radios, grouped like the catalog, with a filter and "set all"
 * per column (applied to the rows shown). Resources the API does not serve yet are marked.
 */
export function AccessTable({
  idPrefix,
  access,
  writeOnly,
  onChange,
}: {
  idPrefix: string;
  access: AccessMap;
  /** Resources that may show a fourth choice, "Write only" (keys made with the CLI). */
  writeOnly: ReadonlySet<Resource>;
  onChange: (next: AccessMap) => void;
}) {
  const [filter, setFilter] = useState("");
  const query = filter.trim().toLowerCase();
  const groups = resourcesByGroup()
    .map((g) => ({ ...g, resources: g.resources.filter((r) => matches(r, g.label, query)) }))
    .filter((g) => g.resources.length > 0);
  const shown = groups.flatMap((g) => g.resources);

  function setAll(level: ResourceAccess) {
    onChange({ ...access, ...Object.fromEntries(shown.map((r) => [r, level])) });
  }

  const filterId = `${idPrefix}-filter`;
  return (
    <div className="space-y-2">
      <div className="relative">
        <label htmlFor={filterId} className="sr-only">
          Filter resources
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-zinc-500" />
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter resources"
          className="block w-full rounded-md border-0 bg-white py-2 pr-3 pl-8 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        />
      </div>
      <div className="max-h-80 overflow-y-auto rounded-lg border border-zinc-200">
        <table className="w-full text-sm">
          <caption className="sr-only">Access per resource</caption>
          <thead className="sticky top-0 z-10 bg-zinc-50 shadow-[0_1px_0_var(--color-zinc-200)]">
            <tr>
              <th scope="col" className="px-3 py-2 text-left text-xs font-medium text-zinc-600">
                Resource
              </th>
              {COLUMNS.map((column) => (
                <th key={column.access} scope="col" className="w-16 px-1 py-2 text-center text-xs font-medium text-zinc-600 sm:w-24">
                  <span className="block">{column.label}</span>
                  <button
                    type="button"
                    onClick={() => setAll(column.access)}
                    disabled={shown.length === 0}
                    aria-label={`Set all ${query ? "shown resources" : "resources"} to ${column.label}`}
                    className={cn("mt-0.5 rounded px-1 text-[11px] font-medium text-indigo-700 hover:underline disabled:text-zinc-500", focusRing)}
                  >
                    Set all
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.group} className="divide-y divide-zinc-100 border-t border-zinc-200">
              <tr>
                <th colSpan={4} scope="colgroup" className="bg-white px-3 pt-3 pb-1 text-left text-xs font-semibold text-zinc-700">
                  {group.label}
                </th>
              </tr>
              {group.resources.map((resource) => (
                <AccessRow
                  key={resource}
                  name={`${idPrefix}-${resource}`}
                  resource={resource}
                  value={access[resource]}
                  offerWriteOnly={writeOnly.has(resource)}
                  onChange={(level) => onChange({ ...access, [resource]: level })}
                />
              ))}
            </tbody>
          ))}
        </table>
        {groups.length === 0 ? <p className="px-3 py-6 text-center text-sm text-zinc-600">No resource matches “{filter.trim()}”.</p> : null}
      </div>
    </div>
  );
}

function AccessRow({
  name,
  resource,
  value,
  offerWriteOnly,
  onChange,
}: {
  name: string;
  resource: Resource;
  value: ResourceAccess;
  offerWriteOnly: boolean;
  onChange: (level: ResourceAccess) => void;
}) {
  const info = RESOURCE_CATALOG[resource];
  const title = info.label.charAt(0).toUpperCase() + info.label.slice(1);
  const radio = (level: ResourceAccess, label?: string) => (
    <input
      type="radio"
      id={`${name}-${level}`}
      name={name}
      value={level}
      checked={value === level}
      onChange={() => onChange(level)}
      aria-label={label ? `${title}: ${label}` : undefined}
      className="size-4 accent-indigo-600"
    />
  );
  return (
    <tr className={cn(value !== "none" && "bg-indigo-50/40")}>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <span className="flex flex-wrap items-center gap-x-2">
          <span className="font-medium text-zinc-900">{title}</span>
          <code className="font-mono text-xs text-zinc-600">{resource}</code>
          {info.served ? null : <span className="text-xs text-amber-800">not in the API yet</span>}
        </span>
        <span className="block text-xs text-zinc-600">{info.description}</span>
        {offerWriteOnly ? (
          <label htmlFor={`${name}-write`} className="mt-1 inline-flex items-center gap-1.5 text-xs text-amber-800">
            {radio("write")}
            <span className="sr-only">{title}: </span>Write only (set with the CLI)
          </label>
        ) : null}
      </th>
      {COLUMNS.map((column) => (
        <td key={column.access} className="px-1 py-2 text-center align-middle">
          {radio(column.access, column.label)}
        </td>
      ))}
    </tr>
  );
}
