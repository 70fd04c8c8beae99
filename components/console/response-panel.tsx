"use client";

import { CircleAlert, Repeat } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ConsoleResponse } from "@/lib/console/call";
import { type ExplainContext, explainError } from "@/lib/console/explain";
import { JsonView } from "./json-view";

function tone(status: number): BadgeTone {
  if (status >= 500) return "red";
  if (status >= 400) return "amber";
  return "green";
}

type Envelope = { code: string; message?: string; requiredScope?: string; reason?: string; requestId?: string; fields?: { path: string; message: string }[] };

function errorEnvelope(body: string): Envelope | null {
  try {
    const parsed = JSON.parse(body) as { error?: Envelope };
    return parsed.error && typeof parsed.error.code === "string" ? parsed.error : null;
  } catch {
    return null;
  }
}

function Explained({ envelope, ctx }: { envelope: Envelope; ctx: ExplainContext }) {
  const explanation = explainError(envelope, ctx);
  return (
    <div className="rounded-md bg-amber-50 p-3 text-sm ring-1 ring-inset ring-amber-600/20" data-testid="console-error-help">
      <p className="flex items-center gap-1.5 font-medium text-amber-950">
        <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
        <code className="font-mono">{envelope.code}</code>
        {envelope.requiredScope ? (
          <>
            <span>· needs</span>
            <code className="font-mono">{envelope.requiredScope}</code>
          </>
        ) : null}
      </p>
      <p className="mt-1 text-amber-950">{explanation.meaning}</p>
      <p className="mt-1 text-amber-950">{explanation.action}</p>
      {explanation.link ? (
        <a href={explanation.link.href} className="mt-1 inline-block font-medium text-indigo-800 underline underline-offset-2">
          {explanation.link.label}
        </a>
      ) : null}
    </div>
  );
}

/** The answer as the integration would see it: status, time, the headers that matter, the body. */
export function ResponsePanel({ response, ctx }: { response: ConsoleResponse; ctx: ExplainContext }) {
  const envelope = response.status >= 400 ? errorEnvelope(response.body) : null;
  const replayed = response.headers.some(([name, value]) => name === "x-idempotency-hit" && value === "true");
  return (
    <section aria-labelledby="console-response-heading" className="space-y-3" data-testid="console-response">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="console-response-heading" className="text-sm font-semibold text-zinc-900">
          Response
        </h2>
        <Badge tone={tone(response.status)} mono>
          <span data-testid="console-status">{response.status}</span>&nbsp;{response.statusText}
        </Badge>
        <span className="text-xs text-zinc-600">
          <span className="sr-only">Duration: </span>
          {response.durationMs} ms
        </span>
        {replayed ? (
          <Badge tone="indigo">
            <Repeat aria-hidden="true" className="mr-1 size-3" />
            Replayed (X-Idempotency-Hit: true)
          </Badge>
        ) : null}
      </div>
      {envelope ? <Explained envelope={envelope} ctx={ctx} /> : null}
      <details open className="rounded-md ring-1 ring-inset ring-zinc-200">
        <summary className="cursor-pointer px-3 py-2 text-xs font-medium text-zinc-700">Headers ({response.headers.length})</summary>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 border-t border-zinc-100 px-3 py-2 font-mono text-xs sm:grid-cols-[max-content_1fr]">
          {response.headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-zinc-600">{name}</dt>
              <dd className="break-all text-zinc-900">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <JsonView text={response.body} label="Response body" />
      {response.truncated ? <p className="text-xs text-zinc-600">The body was cut at 512 KB for display.</p> : null}
    </section>
  );
}
