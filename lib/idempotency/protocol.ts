import "server-only";
import type { IdempotencyStore, StoredResponse } from "./types";

export const RETENTION_MS = 24 * 60 * 60 * 1000;
/**
 * An unfinished record older than this belongs to a crashed request; a retry may take it over.
 * Safe because the write and the record's completion commit together: an unfinished record means
 * no write committed, and should its owner still be running, its completion finds the record gone
 * and rolls its write back.
 */
export const ABANDONED_AFTER_MS = 60_000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

export type IdempotencyScope = { identity: string; tenantId: string; key: string; fingerprint: string };
/**
 * execute: this request holds the key; replay: send the stored answer; reused: the key belongs to
 * a different request; in-use: its request is still running. The API layer maps the last two.
 */
export type IdempotencyStart = { kind: "execute"; recordId: string } | { kind: "replay"; response: StoredResponse } | { kind: "reused" } | { kind: "in-use" };

/**
 * Insert-first: whoever inserts the (identity, tenant, key) row executes; everybody else reads the
 * row: a different fingerprint → reused, unfinished → in use, finished → replay the stored response.
 * Expired or abandoned rows are removed and the claim retried.
 */
export async function startIdempotent(store: IdempotencyStore, scope: IdempotencyScope, now = new Date()): Promise<IdempotencyStart> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const recordId = await store.claim({ ...scope, expiresAt: new Date(now.getTime() + RETENTION_MS) });
    if (recordId) return { kind: "execute", recordId };
    const existing = await store.find(scope.identity, scope.tenantId, scope.key);
    if (!existing) continue; // released between our insert and read: claim again
    if (existing.expiresAt.getTime() <= now.getTime()) {
      await store.discard(existing.id);
      continue;
    }
    if (!existing.completedAt && now.getTime() - existing.createdAt.getTime() > ABANDONED_AFTER_MS) {
      await store.release(existing.id); // a no-op should it have finished meanwhile
      continue;
    }
    if (existing.fingerprint !== scope.fingerprint) return { kind: "reused" };
    if (!existing.response) return { kind: "in-use" };
    return { kind: "replay", response: existing.response };
  }
  return { kind: "in-use" };
}

/**
 * Outside the write's transaction (the handler failed and its writes were rolled back): stores a
 * 4xx answer for replay; a 5xx releases the record so a retry can run again.
 */
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
