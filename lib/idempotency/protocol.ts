import { ApiError } from "@/lib/api/errors";
import type { IdempotencyStore, StoredResponse } from "./types";

export const RETENTION_MS = 24 * 60 * 60 * 1000;
/** An unfinished record older than this belongs to a crashed request; a retry may take it over. */
export const ABANDONED_AFTER_MS = 60_000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

export type IdempotencyScope = { identity: string; tenantId: string; key: string; fingerprint: string };
export type IdempotencyStart = { kind: "execute"; recordId: string } | { kind: "replay"; response: StoredResponse };

function reused(): ApiError {
  return new ApiError(
    "IDEMPOTENCY_KEY_REUSED",
    "This Idempotency-Key was already used for a different request (method, path or body); use a new key",
  );
}

function inUse(): ApiError {
  return new ApiError(
    "IDEMPOTENCY_KEY_IN_USE",
    "A request with this Idempotency-Key is still being processed; retry after it completes",
    {},
    { "Retry-After": "1" },
  );
}

/**
 * Insert-first: whoever inserts the (identity, tenant, key) row executes; everybody else reads the
 * row: a different fingerprint → 422, unfinished → 409, finished → replay the stored response.
 * Expired or abandoned rows are removed and the claim retried.
 */
export async function startIdempotent(store: IdempotencyStore, scope: IdempotencyScope, now = new Date()): Promise<IdempotencyStart> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const recordId = await store.claim({ ...scope, expiresAt: new Date(now.getTime() + RETENTION_MS) });
    if (recordId) return { kind: "execute", recordId };
    const existing = await store.find(scope.identity, scope.tenantId, scope.key);
    if (!existing) continue; // released between our insert and read: claim again
    const expired = existing.expiresAt.getTime() <= now.getTime();
    const abandoned = !existing.completedAt && now.getTime() - existing.createdAt.getTime() > ABANDONED_AFTER_MS;
    if (expired || abandoned) {
      await store.release(existing.id);
      continue;
    }
    if (existing.fingerprint !== scope.fingerprint) throw reused();
    if (!existing.response) throw inUse();
    return { kind: "replay", response: existing.response };
  }
  throw inUse();
}

/** Stores the outcome for replay — except 5xx, which is released so a retry can run again. */
export async function finishIdempotent(store: IdempotencyStore, recordId: string, response: StoredResponse): Promise<void> {
  if (response.status >= 500) await store.release(recordId);
  else await store.complete(recordId, response);
}

let lastPurge = 0;

/** Deletes expired records at most every 10 minutes per process, off the request's critical path. */
export function purgeOccasionally(store: IdempotencyStore, now = Date.now()): void {
  if (now - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now;
  store.purgeExpired(new Date(now)).catch((error: unknown) => {
    console.warn("idempotency purge failed:", error instanceof Error ? error.message : error);
  });
}
