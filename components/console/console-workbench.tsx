"use client";

import "@/lib/validation/browser-zod";
import { Send } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ConsoleCall, ConsoleIdentity, ConsoleResponse } from "@/lib/console/call";
import { CONSOLE_SEND_URL, isWrite } from "@/lib/console/call";
import type { ConsoleEndpoint, ConsoleGroup } from "@/lib/console/catalog";
import { effectiveScopes } from "@/lib/scopes/effective";
import { EndpointPicker } from "./endpoint-picker";
import type { HistoryEntry } from "./history";
import { HistoryList } from "./history-list";
import { type Hauler, IdentityBar, type IdentityState } from "./identity-bar";
import { MethodBadge } from "./method-badge";
import { type Idempotency, RequestEditor } from "./request-editor";
import { useHistory } from "./use-history";
import { buildPath, checkBody, missingParams, type ParamValues } from "./request-model";
import { ResponsePanel } from "./response-panel";
import { sendConsoleCall } from "./send-console-call";
import { SnippetButtons } from "./snippet-buttons";

/** Where calls go: the tenant's own console, or a vendor's for one of its haulers. */
export type ConsoleTarget = { kind: "tenant"; tenantId: string; tenantName: string } | { kind: "vendor"; haulers: Hauler[] };

type Draft = { endpoint: ConsoleEndpoint; params: ParamValues; body: string; idempotency: Idempotency | null };

function draftFor(endpoint: ConsoleEndpoint, params: ParamValues = {}, body?: string | null): Draft {
  return {
    endpoint,
    params,
    body: body ?? (endpoint.body ? JSON.stringify(endpoint.body.example, null, 2) : ""),
    idempotency: isWrite(endpoint.method) ? { enabled: true, key: crypto.randomUUID() } : null,
  };
}

/**
 * The console: pick an operation, fill it in, send it as the chosen identity through the server
 * (which calls this app's /api/v1 over HTTP), and read the answer. Ctrl/Cmd+Enter sends.
 */
export function ConsoleWorkbench({
  groups,
  target,
  canWrite,
  defaultScopes,
  keysHref,
  grantHref,
}: {
  groups: ConsoleGroup[];
  target: ConsoleTarget;
  canWrite: boolean;
  defaultScopes: string[];
  keysHref: string | null;
  grantHref: string | null;
}) {
  const endpoints = useMemo(() => groups.flatMap((g) => g.endpoints), [groups]);
  const [draft, setDraft] = useState<Draft | null>(() => (endpoints[0] ? draftFor(endpoints[0]) : null));
  const [identity, setIdentity] = useState<IdentityState>({ type: "session", scopes: defaultScopes });
  const haulers = target.kind === "vendor" ? target.haulers : null;
  const [haulerId, setHaulerId] = useState<string | null>(haulers?.[0]?.id ?? null);
  const [pending, setPending] = useState(false);
  const [response, setResponse] = useState<ConsoleResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Draft | null>(null);
  const [origin, setOrigin] = useState("");
  const history = useHistory(target.kind === "tenant" ? target.tenantId : "vendor");
  useEffect(() => setOrigin(window.location.origin), []);

  const hauler = haulers?.find((h) => h.id === haulerId) ?? null;
  const actingFor = target.kind === "tenant" ? target.tenantName : (hauler?.name ?? "the hauler");
  const scopes = identity.type === "key" ? null : hauler ? effectiveScopes(identity.scopes, hauler.scopes) : identity.scopes;
  const bodyCheck = draft?.endpoint.body ? checkBody(draft.endpoint.body.schema, draft.body) : null;
  const missing = draft ? missingParams(draft.endpoint, draft.params) : [];
  const path = draft ? buildPath(draft.endpoint, draft.params) : "";
  const blocked = !draft || missing.length > 0 || (bodyCheck !== null && !bodyCheck.ok) || (haulers !== null && !hauler);

  async function execute(d: Draft) {
    setConfirming(null);
    setPending(true);
    setFailure(null);
    const call: ConsoleCall = {
      method: d.endpoint.method,
      path: buildPath(d.endpoint, d.params),
      ...(d.endpoint.body ? { body: d.body } : {}),
      ...(d.idempotency?.enabled && d.idempotency.key ? { idempotencyKey: d.idempotency.key } : {}),
    };
    const sentIdentity: ConsoleIdentity = identity.type === "key" ? { type: "key", key: identity.key } : { type: "session", scopes: identity.scopes };
    try {
      const sent = { call, identity: sentIdentity };
      const result =
        target.kind === "tenant"
          ? await sendConsoleCall(CONSOLE_SEND_URL.tenant, { ...sent, tenantId: target.tenantId })
          : await sendConsoleCall(CONSOLE_SEND_URL.vendor, { ...sent, haulerId: haulerId ?? "" });
      if (!result.ok) {
        setResponse(null);
        setFailure(result.error.message);
        return;
      }
      setResponse(result.data);
      const entry: HistoryEntry = {
        id: crypto.randomUUID(),
        at: new Date().toISOString(),
        endpointId: d.endpoint.id,
        method: call.method,
        path: call.path,
        params: d.params,
        body: call.body ?? null,
        identity: identity.type,
        haulerId,
        status: result.data.status,
        durationMs: result.data.durationMs,
      };
      history.add(entry);
    } catch {
      setFailure("The console could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  function requestSend(d: Draft | null = draft) {
    if (!d || pending) return;
    if (d === draft && blocked) return;
    if (isWrite(d.endpoint.method)) setConfirming(d);
    else void execute(d);
  }

  function select(endpoint: ConsoleEndpoint) {
    setDraft(draftFor(endpoint));
    setResponse(null);
    setFailure(null);
  }

  function fromHistory(entry: HistoryEntry): Draft | null {
    const endpoint = endpoints.find((e) => e.id === entry.endpointId);
    if (!endpoint) return null;
    if (entry.haulerId && haulers?.some((h) => h.id === entry.haulerId)) setHaulerId(entry.haulerId);
    return draftFor(endpoint, entry.params, entry.body);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl/Cmd+Enter from any field of the console sends the call
    <div
      className="space-y-6"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          requestSend();
        }
      }}
    >
      <IdentityBar identity={identity} onIdentity={setIdentity} canWrite={canWrite} haulers={haulers} haulerId={haulerId} onHauler={setHaulerId} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
        <EndpointPicker groups={groups} selectedId={draft?.endpoint.id ?? null} scopes={scopes} onSelect={select} />
        <div className="min-w-0 space-y-6">
          {draft ? (
            <section aria-labelledby="console-request-heading" className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4">
              <div className="space-y-1">
                <h2 id="console-request-heading" className="text-sm font-semibold text-zinc-900">
                  {draft.endpoint.summary}
                </h2>
                <p className="flex min-w-0 items-center gap-2">
                  <MethodBadge method={draft.endpoint.method} />
                  <code className="min-w-0 break-all font-mono text-xs text-zinc-900" data-testid="console-path">
                    {path}
                  </code>
                </p>
                <p className="text-xs text-zinc-600">
                  Needs <code className="font-mono">{draft.endpoint.scope}</code>
                  {hauler ? ` · Klau-Tenant-Id: ${hauler.id}` : ""}
                </p>
              </div>
              <RequestEditor
                endpoint={draft.endpoint}
                params={draft.params}
                onParams={(params) => setDraft({ ...draft, params })}
                body={draft.body}
                onBody={(body) => setDraft({ ...draft, body })}
                bodyCheck={bodyCheck}
                idempotency={draft.idempotency}
                onIdempotency={(idempotency) => setDraft({ ...draft, idempotency })}
              />
              <div className="flex flex-wrap items-center gap-3 border-t border-zinc-100 pt-4">
                <Button onClick={() => requestSend()} disabled={blocked || pending} aria-keyshortcuts="Control+Enter Meta+Enter">
                  <Send aria-hidden="true" className="size-4" />
                  {pending ? "Sending…" : "Send"}
                </Button>
                <span className="text-xs text-zinc-600">{missing.length > 0 ? `Fill in ${missing.join(", ")} first.` : "Ctrl/⌘ + Enter sends."}</span>
              </div>
              {origin ? (
                <SnippetButtons
                  call={{
                    method: draft.endpoint.method,
                    url: `${origin}${path}`,
                    tenantId: hauler?.id ?? null,
                    idempotencyKey: draft.idempotency?.enabled ? draft.idempotency.key : null,
                    body: draft.endpoint.body ? draft.body : null,
                  }}
                />
              ) : null}
            </section>
          ) : null}
          {failure ? (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-inset ring-red-600/20" data-testid="console-failure">
              {failure}
            </p>
          ) : null}
          {response && draft ? <ResponsePanel response={response} ctx={{ identity: identity.type, keysHref, grantHref, scope: draft.endpoint.scope }} /> : null}
          <HistoryList
            entries={history.entries}
            onLoad={(entry) => {
              const next = fromHistory(entry);
              if (next) setDraft(next);
            }}
            onRun={(entry) => {
              const next = fromHistory(entry);
              if (!next) return;
              setDraft(next);
              requestSend(next);
            }}
            onClear={history.clear}
          />
        </div>
      </div>
      <AlertDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? undefined : setConfirming(null))}
        title={confirming ? `Send ${confirming.endpoint.method} ${buildPath(confirming.endpoint, confirming.params)}?` : ""}
        description={`This changes ${actingFor}'s live data.`}
        confirmLabel="Send"
        destructive={confirming?.endpoint.method === "DELETE"}
        pending={pending}
        onConfirm={() => confirming && void execute(confirming)}
      />
    </div>
  );
}
