import "server-only";
import type { Db } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/transaction";
import type { IdempotencyStore } from "@/lib/idempotency/types";
import type { KeyCache } from "@/lib/keys/cache";
import type { KeyLookup } from "@/lib/keys/verify";
import type { Limiter } from "@/lib/ratelimit/limit";
import type { RequestLogEntry } from "@/lib/request-log/buffer";
import type { ReadCache } from "@/lib/read-cache/read-cache";
import type { PartnershipAccess, PartnershipLookup } from "@/lib/api/steps/resolve-tenant";
import type { TtlCache } from "@/lib/cache/ttl-cache";

/**
 * Everything the pipeline talks to. Production wiring lives in default-deps.ts; unit tests pass
 * in-memory fakes, so every step runs without Next or a database.
 */
export type PipelineDeps = {
  getDb(): Promise<Db>;
  lookupKey: KeyLookup;
  /** Signs and checks console credentials (lib/console/credential.ts). */
  consoleSecret(): string;
  keyCache: KeyCache;
  lookupPartnership: PartnershipLookup;
  partnershipCache: TtlCache<PartnershipAccess | null>;
  limiter(): Promise<Limiter>;
  /** On the root client, or on the transaction of an idempotent write. */
  idempotencyStore(db: DbClient): IdempotencyStore;
  /**
   * Test hook, off in production: runs inside an idempotent write's transaction after the handler,
   * before the record completes and the transaction commits (lib/api/crash-hook.ts).
   */
  beforeIdempotentCommit?(): void;
  /** GET answers of the hauling resources, dropped on change (lib/read-cache). */
  readCache: ReadCache;
  recordRequest(entry: RequestLogEntry): void;
  clientIp(headers: Headers): string;
  /** Server-side log of unexpected errors (never sent to the client). */
  logError(requestId: string, summary: string, error: unknown): void;
};
