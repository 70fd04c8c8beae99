import { envMs, processSingleton } from "@/lib/cache/ttl-cache";
import { ReadCache } from "./read-cache";

export { HAULING_CHANGED_CHANNEL, isCachedResource } from "./hauling-changes";
export { ReadCache, type ReadTicket } from "./read-cache";

const MB = 1024 * 1024;

/**
 * The process's cache of GET answers. KLAU_READ_CACHE_TTL_MS (default 60 s; 0 turns it off) bounds
 * an answer's age only as a last resort; KLAU_READ_CACHE_MB (default 32) bounds its memory.
 */
export const readCache: ReadCache = processSingleton(
  "read-cache",
  () =>
    new ReadCache({
      maxBytes: Math.round((envMs("KLAU_READ_CACHE_MB", 32) || 32) * MB),
      ttlMs: envMs("KLAU_READ_CACHE_TTL_MS", 60_000),
    }),
);
