"use client";

import { type ReactNode, useState } from "react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function Scalar({ value }: { value: Json }) {
  if (value === null) return <span className="text-zinc-500">null</span>;
  if (typeof value === "string") return <span className="break-all text-emerald-800">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="text-indigo-700">{String(value)}</span>;
  return <span className="text-amber-800">{String(value)}</span>;
}

function Key({ name }: { name: string | null }) {
  return name === null ? null : <span className="text-sky-800">{JSON.stringify(name)}</span>;
}

/** A node of the tree: objects and arrays fold with native <details> (keyboard and screen-reader ready). */
function Node({ name, value, depth, last }: { name: string | null; value: Json; depth: number; last: boolean }): ReactNode {
  const comma = last ? "" : ",";
  const label =
    name === null ? null : (
      <>
        <Key name={name} />
        <span className="text-zinc-600">: </span>
      </>
    );
  if (value === null || typeof value !== "object") {
    return (
      <div className="pl-4">
        {label}
        <Scalar value={value} />
        {comma}
      </div>
    );
  }
  const entries: [string | null, Json][] = Array.isArray(value) ? value.map((v) => [null, v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="pl-4">
        {label}
        {open}
        {close}
        {comma}
      </div>
    );
  }
  const summary = Array.isArray(value) ? `${entries.length} item${entries.length === 1 ? "" : "s"}` : `${entries.length} key${entries.length === 1 ? "" : "s"}`;
  return (
    <details open={depth < 3} className="group pl-4">
      <summary className={cn("-ml-4 cursor-pointer list-none rounded-sm pl-4 marker:hidden", focusRing)}>
        <span aria-hidden="true" className="-ml-4 inline-block w-4 text-zinc-500 group-open:rotate-90">
          ▸
        </span>
        {label}
        {open}
        <span className="text-zinc-500 group-open:hidden">
          {" "}
          {summary} {close}
          {comma}
        </span>
      </summary>
      {entries.map(([key, child], i) => (
        <Node key={key ?? i} name={key} value={child} depth={depth + 1} last={i === entries.length - 1} />
      ))}
      <div>
        {close}
        {comma}
      </div>
    </details>
  );
}

/** A response body: highlighted, foldable JSON when it parses (or the raw text on demand), else the text as sent. */
export function JsonView({ text, label }: { text: string; label: string }) {
  const [raw, setRaw] = useState(false);
  let value: Json | undefined;
  try {
    value = text ? (JSON.parse(text) as Json) : undefined;
  } catch {
    value = undefined;
  }
  return (
    <div className="space-y-1">
      {value !== undefined ? (
        <div className="flex justify-end">
          <button
            type="button"
            aria-pressed={raw}
            onClick={() => setRaw(!raw)}
            className={cn("rounded px-2 py-0.5 text-xs text-zinc-700 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50", focusRing)}
          >
            Raw
          </button>
        </div>
      ) : null}
      <section
        aria-label={label}
        className="overflow-x-auto rounded-md bg-zinc-50 p-3 font-mono text-xs leading-5 text-zinc-900 ring-1 ring-inset ring-zinc-200"
      >
        {value === undefined || raw ? (
          <pre className="whitespace-pre-wrap break-all" data-testid="console-raw-body">
            {text || "(empty body)"}
          </pre>
        ) : (
          <Node name={null} value={value} depth={0} last />
        )}
      </section>
    </div>
  );
}
