"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { unwrap } from "@/components/actions/action-result";
import type { KeyFilter } from "@/lib/keys/filters";
import type { KeyPage } from "@/lib/keys/queries";
import { listKeysAction } from "../actions";

export type KeyListState = { status: KeyFilter; search: string; page: number; view: "company" | "all"; companyId: string };

const KEYS = "api-keys";

export function keyListKey(tenantId: string, state: KeyListState) {
  return [KEYS, tenantId, state] as const;
}

/**
 * The key list as a client query: the server-rendered first page is its initial data, later pages
 * and filters are fetched through the list action, and the data refreshes when the tab regains
 * focus (last used moves while integrations run).
 */
export function useKeyPage(tenantId: string, state: KeyListState, initial: { state: KeyListState; page: KeyPage }) {
  const isInitial = JSON.stringify(state) === JSON.stringify(initial.state);
  return useQuery({
    queryKey: keyListKey(tenantId, state),
    queryFn: async () =>
      unwrap(
        await listKeysAction({
          tenantId,
          status: state.status,
          search: state.search,
          page: state.page,
          companyId: state.view === "all" ? state.companyId || undefined : tenantId,
        }),
      ),
    initialData: isInitial ? initial.page : undefined,
    // Server-rendered just now: no immediate refetch on mount.
    initialDataUpdatedAt: isInitial ? Date.now() : undefined,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/** After a change: every key list of the tenant refetches, and server-rendered parts (detail page) re-render. */
export function useRefreshKeys(tenantId: string): () => void {
  const client = useQueryClient();
  const router = useRouter();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: [KEYS, tenantId] });
    router.refresh();
  }, [client, router, tenantId]);
}
