import { getDb } from "@/lib/db/client";
import { prismaIdempotencyStore } from "@/lib/idempotency/prisma-store";
import { keyCache } from "@/lib/keys/cache";
import { clientIp } from "@/lib/ratelimit/client-ip";
import { processLimiter } from "@/lib/ratelimit/limit";
import { requestLog } from "@/lib/request-log";
import { partnershipCache } from "@/lib/tenancy/resolve";
import { ensureAccessListener } from "./access-listener";
import type { PipelineDeps } from "./deps";
import { findKeyByHash, findPartnership } from "./lookups";

export const defaultDeps: PipelineDeps = {
  getDb,
  async lookupKey(hash) {
    ensureAccessListener();
    return findKeyByHash(await getDb(), hash);
  },
  keyCache,
  async lookupPartnership(vendorId, companyId) {
    ensureAccessListener();
    return findPartnership(await getDb(), vendorId, companyId);
  },
  partnershipCache,
  limiter: processLimiter,
  idempotencyStore: prismaIdempotencyStore,
  recordRequest: (entry) => requestLog.record(entry),
  clientIp: (headers) => clientIp(headers),
  logError(requestId, summary, error) {
    console.error(`[${requestId}] ${summary}:`, error);
  },
};
