import "server-only";
import { processSingleton } from "@/lib/cache/ttl-cache";
import { config } from "@/lib/config";
import { ReadCache } from "./read-cache";

export { HAULING_CHANGED_CHANNEL, isCachedResource } from "./hauling-changes";
export { ReadCache, type ReadTicket } from "./read-cache";

/**
 * The process's cache of GET answers. KLAU_READ_CACHE_TTL_MS (default 60 s; 0 turns it off) bounds
 * an answer's age only as a last resort; KLAU_READ_CACHE_MB (default 32) bounds its memory.
 */
export const readCache: ReadCache = processSingleton(
  "read-cache",
  () =>
    new ReadCache({
      maxBytes: config().caches.readCacheBytes,
      ttlMs: config().caches.readCacheTtlMs,
    }),
);
