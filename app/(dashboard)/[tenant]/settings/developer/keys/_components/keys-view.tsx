"use client";

import { KeyRound } from "lucide-react";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { KeyPage } from "@/lib/keys/queries";
import { type ActiveKeyAction, KeyActionDialogs } from "./key-action-dialogs";
import { KeysTable } from "./keys-table";
import { KeysToolbar } from "./keys-toolbar";
import { type KeyListState, useKeyPage } from "./use-keys";

const NUMBER = new Intl.NumberFormat("en");

/** Keeps the list state in the address (shareable, survives reload) without a navigation. */
function writeUrl(state: KeyListState) {
  const params = new URLSearchParams();
  if (state.status !== "current") params.set("status", state.status);
  if (state.search) params.set("q", state.search);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.view === "all") params.set("view", "all");
  if (state.companyId) params.set("division", state.companyId);
  const query = params.toString();
  window.history.replaceState(window.history.state, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
}

/** The key list: toolbar, table, pagination, empty and error states, and the row actions' dialogs. */
export function KeysView({
  tenantId,
  basePath,
  canManage,
  allDivisions,
  createButton,
  initial,
}: {
  tenantId: string;
  basePath: string;
  canManage: boolean;
  allDivisions: { companies: { id: string; name: string }[] } | null;
  createButton: React.ReactNode;
  initial: { state: KeyListState; page: KeyPage };
}) {
  const [state, setState] = useState(initial.state);
  const [active, setActive] = useState<ActiveKeyAction>(null);
  const query = useKeyPage(tenantId, state, initial);
  const change = useCallback((patch: Partial<KeyListState>) => {
    setState((previous) => {
      const next = { ...previous, ...patch };
      writeUrl(next);
      return next;
    });
  }, []);

  const page = query.data;
  const filtered = state.search !== "" || state.status !== "current" || state.companyId !== "";
  const first = page ? (page.page - 1) * page.pageSize + 1 : 0;
  const last = page ? first + page.rows.length - 1 : 0;

  return (
    <div className="space-y-4">
      <KeysToolbar state={state} onChange={change} allDivisions={allDivisions} />
      {query.isError && !page ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          The keys could not be loaded: {query.error.message}{" "}
          <Button variant="secondary" onClick={() => query.refetch()} className="ml-2">
            Try again
          </Button>
        </div>
      ) : null}
      {page && page.total === 0 && !filtered ? (
        <EmptyState icon={KeyRound} title="No API keys yet">
          <p>
            A key lets an integration call the Klau API for this company, with only the access you give it. Each key is shown once when you create it; you can
            revoke or roll it at any time.
          </p>
          {canManage ? <div className="mt-4 flex justify-center">{createButton}</div> : null}
        </EmptyState>
      ) : null}
      {page && page.total === 0 && filtered ? (
        <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600">
          <p>No keys match these filters.</p>
          <Button variant="secondary" className="mt-3" onClick={() => change({ search: "", status: "current", companyId: "", page: 1 })}>
            Clear filters
          </Button>
        </div>
      ) : null}
      {page && page.total > 0 ? (
        <>
          <KeysTable
            rows={page.rows}
            basePath={basePath}
            showCompany={state.view === "all"}
            canManage={canManage}
            busy={query.isFetching && query.isPlaceholderData}
            onAction={(action, key) => setActive({ action, key })}
          />
          <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-2 text-sm text-zinc-600">
            <p aria-live="polite">
              {first === last ? `Key ${NUMBER.format(first)}` : `Keys ${NUMBER.format(first)}–${NUMBER.format(last)}`} of {NUMBER.format(page.total)}
            </p>
            {page.pageCount > 1 ? (
              <div className="flex gap-2">
                <Button variant="secondary" disabled={page.page <= 1} onClick={() => change({ page: page.page - 1 })}>
                  Previous
                </Button>
                <Button variant="secondary" disabled={page.page >= page.pageCount} onClick={() => change({ page: page.page + 1 })}>
                  Next
                </Button>
              </div>
            ) : null}
          </nav>
        </>
      ) : null}
      <KeyActionDialogs tenantId={tenantId} active={active} onClose={() => setActive(null)} />
    </div>
  );
}
