"use client";

import { RefreshCw } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ConsoleEndpoint, ConsoleParam } from "@/lib/console/catalog";
import type { BodyCheck, ParamValues } from "./request-model";

const inputClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

function ParamField({ param, value, onChange }: { param: ConsoleParam; value: string; onChange: (value: string) => void }) {
  const id = useId();
  const options = param.schema.enum as string[] | undefined;
  const hintId = param.description ? `${id}-hint` : undefined;
  const label = (
    <label htmlFor={id} className="flex items-baseline gap-1.5 text-sm font-medium text-zinc-900">
      <span className="font-mono">{param.name}</span>{" "}
      <span className="text-xs font-normal text-zinc-600">
        {param.in}
        {param.required ? ", required" : ""}
      </span>
    </label>
  );
  return (
    <div className="space-y-1">
      {label}
      {options ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hintId} className={inputClasses}>
          <option value="">(any)</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required={param.required}
          aria-describedby={hintId}
          placeholder={param.schema.format === "date" ? "YYYY-MM-DD" : param.schema.default !== undefined ? String(param.schema.default) : undefined}
          className={cn(inputClasses, "font-mono")}
        />
      )}
      {param.description ? (
        <p id={hintId} className="text-xs text-zinc-600">
          {param.description}
        </p>
      ) : null}
    </div>
  );
}

export type Idempotency = { enabled: boolean; key: string };

/** Path and query parameters as fields, the JSON body with the schema's messages, and Idempotency-Key for writes. */
export function RequestEditor({
  endpoint,
  params,
  onParams,
  body,
  onBody,
  bodyCheck,
  idempotency,
  onIdempotency,
}: {
  endpoint: ConsoleEndpoint;
  params: ParamValues;
  onParams: (values: ParamValues) => void;
  body: string;
  onBody: (body: string) => void;
  bodyCheck: BodyCheck | null;
  idempotency: Idempotency | null;
  onIdempotency: (value: Idempotency) => void;
}) {
  const id = useId();
  const issues = bodyCheck && !bodyCheck.ok ? bodyCheck.issues : [];
  return (
    <div className="space-y-4">
      {endpoint.params.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-zinc-900">Parameters</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {endpoint.params.map((param) => (
              <ParamField
                key={`${param.in}-${param.name}`}
                param={param}
                value={params[param.name] ?? ""}
                onChange={(v) => onParams({ ...params, [param.name]: v })}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      {endpoint.body ? (
        <div className="space-y-1.5">
          <div className="flex items-center justify-between gap-2">
            <label htmlFor={`${id}-body`} className="text-sm font-semibold text-zinc-900">
              Body (JSON)
            </label>
            <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onBody(JSON.stringify(endpoint.body?.example, null, 2))}>
              Reset to example
            </Button>
          </div>
          <textarea
            id={`${id}-body`}
            value={body}
            onChange={(e) => onBody(e.target.value)}
            spellCheck={false}
            rows={Math.min(16, Math.max(6, body.split("\n").length + 1))}
            aria-invalid={issues.length > 0 ? true : undefined}
            aria-describedby={issues.length > 0 ? `${id}-body-issues` : undefined}
            className={cn(inputClasses, "font-mono text-xs leading-5", issues.length > 0 && "ring-red-400")}
          />
          {issues.length > 0 ? (
            <ul id={`${id}-body-issues`} className="space-y-0.5 text-sm text-red-700" data-testid="console-body-issues">
              {issues.map((issue) => (
                <li key={`${issue.path}: ${issue.message}`}>
                  {issue.path ? <code className="font-mono">{issue.path}</code> : null}
                  {issue.path ? ": " : ""}
                  {issue.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-emerald-800">Matches the operation’s schema.</p>
          )}
        </div>
      ) : null}
      {idempotency ? (
        <div className="space-y-1.5">
          <div className="flex items-center gap-2">
            <input
              id={`${id}-idem-on`}
              type="checkbox"
              checked={idempotency.enabled}
              onChange={(e) => onIdempotency({ ...idempotency, enabled: e.target.checked })}
              className="size-4 accent-indigo-600"
            />
            <label htmlFor={`${id}-idem-on`} className="text-sm font-medium text-zinc-900">
              Send Idempotency-Key
            </label>
          </div>
          <div className="flex gap-2">
            <label htmlFor={`${id}-idem`} className="sr-only">
              Idempotency-Key
            </label>
            <input
              id={`${id}-idem`}
              value={idempotency.key}
              disabled={!idempotency.enabled}
              onChange={(e) => onIdempotency({ ...idempotency, key: e.target.value })}
              className={cn(inputClasses, "font-mono text-xs disabled:bg-zinc-50 disabled:text-zinc-500")}
            />
            <Button
              variant="secondary"
              disabled={!idempotency.enabled}
              onClick={() => onIdempotency({ enabled: true, key: crypto.randomUUID() })}
              aria-label="Generate a new Idempotency-Key"
            >
              <RefreshCw aria-hidden="true" className="size-4" />
            </Button>
          </div>
          <p className="text-xs text-zinc-600">Sending again with the same key returns the first answer instead of writing twice.</p>
        </div>
      ) : null}
    </div>
  );
}
