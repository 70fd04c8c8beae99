import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { prismaIdempotencyStore } from "@/lib/idempotency/prisma-store";
import { keyCache } from "@/lib/keys/cache";
import { clientIp } from "@/lib/ratelimit/client-ip";
import { processLimiter } from "@/lib/ratelimit/limit";
import { readCache } from "@/lib/read-cache";
import { requestLog } from "@/lib/request-log";
import { partnershipCache } from "@/lib/api/steps/resolve-tenant";
import { ensureChangeListener } from "./change-listener";
import { crashHookFromEnv } from "./crash-hook";
import type { PipelineDeps } from "./deps";
import { findKeyByHash, findPartnership } from "./lookups";

export const defaultDeps: PipelineDeps = {
  getDb,
  async lookupKey(hash) {
    ensureChangeListener();
    return findKeyByHash(await getDb(), hash);
  },
  keyCache,
  consoleSecret: getAuthSecret,
  async lookupPartnership(vendorId, companyId) {
    ensureChangeListener();
    return findPartnership(await getDb(), vendorId, companyId);
  },
  partnershipCache,
  limiter: processLimiter,
  idempotencyStore: prismaIdempotencyStore,
  readCache,
  recordRequest: (entry) => requestLog.record(entry),
  clientIp: (headers) => clientIp(headers),
  beforeIdempotentCommit: crashHookFromEnv(),
  logError(requestId, summary, error) {
    console.error(`[${requestId}] ${summary}:`, error);
  },
};
