import "server-only";
import { processSingleton, TtlCache } from "@/lib/cache/ttl-cache";
import { config } from "@/lib/config";
import { onKeyRevoked } from "./events";

/** What the pipeline needs of an API key; cached per SHA-256 hash. */
export type KeyRecord = {
  id: string;
  kind: "DIRECT" | "VENDOR";
  companyId: string | null;
  vendorId: string | null;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The tenant of a direct key (null for vendor keys). */
  company: { id: string; name: string; parentId: string | null } | null;
};

/**
 * Verified keys by hash. `null` caches "no such key": safe, because a new key's hash has never been
 * looked up before (keys are random), and it keeps a flood of well-formed fake keys off the database.
 *
 * Freshness: revocation through this process (UI, CLI routed to the app) emits `onKeyRevoked`, which
 * drops the entry before the revoking call returns, so the very next request is refused. Revocations
 * committed by another process on a shared PostgreSQL arrive by LISTEN/NOTIFY
 * (lib/api/change-listener.ts). The TTL (KLAU_KEY_CACHE_TTL_MS, default 5 s) bounds staleness if a
 * notification is ever lost. Expiry needs no invalidation: expiresAt is checked on every request.
 */
export type KeyCache = TtlCache<KeyRecord | null>;

export const keyCache: KeyCache = processSingleton("key-cache", () => {
  const cache = new TtlCache<KeyRecord | null>(config().caches.keyTtlMs, 20_000);
  onKeyRevoked((event) => invalidateKey(cache, event));
  return cache;
});

export function invalidateKey(cache: KeyCache, event: { id?: string; hash?: string }): void {
  if (event.hash) cache.delete(event.hash);
  if (event.id) cache.deleteWhere((record) => record?.id === event.id);
}
