import "server-only";
import { processSingleton } from "@/lib/cache/ttl-cache";
import type { KeyCache, KeyRecord } from "./cache";
import { checkKeyFormat, hashKey } from "./format";

export type KeyFailure = "missing" | "malformed" | "bad_checksum" | "unknown" | "revoked" | "expired";
export type KeyVerification = { ok: true; key: KeyRecord; hash: string } | { ok: false; reason: KeyFailure };

/** Looks a key up by hash (a database query in production, a map in tests). */
export type KeyLookup = (hash: string) => Promise<KeyRecord | null>;

// Concurrent first requests with the same key share one lookup instead of stampeding the database.
const inflight = processSingleton("key-lookups-inflight", () => new Map<string, { loading: Promise<KeyRecord | null>; generation: number }>());

async function load(hash: string, lookup: KeyLookup, cache: KeyCache, now: number): Promise<KeyRecord | null> {
  const cached = cache.get(hash, now);
  if (cached !== undefined) return cached;
  const generation = cache.generation;
  const pending = inflight.get(hash);
  // A lookup that started before a revocation may return the pre-revocation row: don't join it.
  if (pending && pending.generation === generation) return pending.loading;
  const loading = lookup(hash)
    .then((key) => {
      // Not cached when a revocation happened while loading: the row may predate it.
      cache.set(hash, key, Date.now(), generation);
      return key;
    })
    .finally(() => {
      if (inflight.get(hash)?.loading === loading) inflight.delete(hash);
    });
  inflight.set(hash, { loading, generation });
  return loading;
}

/**
 * Checks a presented secret: format and checksum first (no database work for typos or garbage),
 * then the hash through the cache, then revocation and expiry — on every request, cached or not.
 */
export async function verifyKey(secret: string, lookup: KeyLookup, cache: KeyCache, now: Date = new Date()): Promise<KeyVerification> {
  if (secret === "") return { ok: false, reason: "missing" };
  const format = checkKeyFormat(secret);
  if (format !== "ok") return { ok: false, reason: format };
  const hash = hashKey(secret);
  const key = await load(hash, lookup, cache, now.getTime());
  if (!key) return { ok: false, reason: "unknown" };
  if (key.revokedAt && key.revokedAt.getTime() <= now.getTime()) return { ok: false, reason: "revoked" };
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, key, hash };
}
