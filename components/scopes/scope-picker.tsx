"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { type AccessMap, accessMapToScopes, presetOf, presetScopes, type ScopePreset, scopesToAccessMap } from "@/lib/scopes/access-map";
import { RESOURCES, type Scope } from "@/lib/scopes/catalog";
import { AccessTable } from "./access-table";
import { ScopeSummary } from "./scope-summary";

const PRESETS: { value: ScopePreset; label: string; hint: string }[] = [
  { value: "full", label: "Full access", hint: "Read and change everything, including resources added later." },
  { value: "read-only", label: "Read only", hint: "Read everything, change nothing." },
  { value: "custom", label: "Custom", hint: "Choose the access per resource." },
];

/**
 * Chooses the scopes of a key (or a partnership grant): a preset or per-resource access, driven
 * only by the scope catalog. Controlled by the scope strings; any existing set renders faithfully,
 * including write-only scopes made with the CLI (their rows offer "Write only" to keep them).
 * Native radios throughout: arrow keys move within a row, Tab between rows.
 */
export function ScopePicker({
  value,
  onChange,
  legend = "Permissions",
  error,
  disabled,
}: {
  value: readonly string[];
  onChange: (scopes: Scope[]) => void;
  legend?: string;
  error?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const [mode, setMode] = useState<ScopePreset>(() => presetOf(value));
  // Rows that started write-only keep that option available; the picker never offers it otherwise.
  const [writeOnly] = useState(() => {
    const initial = scopesToAccessMap(value);
    return new Set(RESOURCES.filter((r) => initial[r] === "write"));
  });
  const access = scopesToAccessMap(value);

  function choosePreset(next: ScopePreset) {
    setMode(next);
    if (next !== "custom") onChange(presetScopes(next));
  }

  function changeAccess(next: AccessMap) {
    onChange(accessMapToScopes(next));
  }

  const errorId = `${id}-error`;
  return (
    <fieldset className="min-w-0 space-y-4" disabled={disabled} aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-zinc-900">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {PRESETS.map((preset) => (
          <label
            key={preset.value}
            className={cn(
              "flex cursor-pointer items-start gap-2.5 rounded-lg border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600",
              mode === preset.value ? "border-indigo-600 bg-indigo-50/60 ring-1 ring-indigo-600" : "border-zinc-200 hover:bg-zinc-50",
            )}
          >
            <input
              type="radio"
              name={`${id}-preset`}
              value={preset.value}
              checked={mode === preset.value}
              onChange={() => choosePreset(preset.value)}
              // Named by the title alone, the hint read as its description.
              aria-labelledby={`${id}-${preset.value}-label`}
              aria-describedby={`${id}-${preset.value}-hint`}
              className="mt-0.5 size-4 accent-indigo-600 focus:outline-none"
            />
            <span>
              <span id={`${id}-${preset.value}-label`} className="block font-medium text-zinc-900">
                {preset.label}
              </span>
              <span id={`${id}-${preset.value}-hint`} className="block text-xs text-zinc-600">
                {preset.hint}
              </span>
            </span>
          </label>
        ))}
      </div>

      {mode === "custom" ? <AccessTable idPrefix={id} access={access} writeOnly={writeOnly} onChange={changeAccess} /> : null}

      <ScopeSummary scopes={value} access={access} />
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
