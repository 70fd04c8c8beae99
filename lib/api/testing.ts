import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";
import { MemoryIdempotencyStore } from "@/lib/idempotency/memory-store";
import type { KeyRecord } from "@/lib/keys/cache";
import { generateApiKey } from "@/lib/keys/format";
import { ReadCache } from "@/lib/read-cache/read-cache";
import type { RequestLogEntry } from "@/lib/request-log/buffer";
import type { PartnershipAccess } from "@/lib/api/steps/resolve-tenant";
import type { PipelineDeps } from "./deps";
import { TtlCache } from "@/lib/cache/ttl-cache";

/**
 * In-memory stand-ins for everything the pipeline touches, for unit tests (no Next, no database).
 * Not imported by production code.
 */
export type FakeWorld = {
  deps: PipelineDeps;
  keys: Map<string, KeyRecord>;
  partnerships: Map<string, PartnershipAccess>;
  idempotency: MemoryIdempotencyStore;
  log: RequestLogEntry[];
  errors: unknown[];
  lookups: { keys: number; partnerships: number };
  /** Adds a key and returns its secret. */
  addKey(record: Partial<KeyRecord> & Pick<KeyRecord, "kind">): { secret: string; record: KeyRecord };
};

/**
 * A stand-in root client whose interactive transaction runs the work on a distinct stand-in
 * transaction client (`{ transaction: n }`), so tests can see which client a step used.
 */
export function fakeDb(): Db {
  let transactions = 0;
  const root = {
    async $transaction(work: (tx: unknown) => Promise<unknown>) {
      transactions++;
      return work({ transaction: transactions });
    },
  };
  return root as unknown as Db;
}

export const TENANT = { id: "11111111-1111-4111-8111-111111111111", name: "Tenant One", parentId: null };
export const OTHER_TENANT = { id: "22222222-2222-4222-8222-222222222222", name: "Tenant Two", parentId: null };
/** Signs console credentials in unit tests. */
export const CONSOLE_TEST_SECRET = "console-test-secret-of-enough-length-0123456789";
export const VENDOR_ID = "33333333-3333-4333-8333-333333333333";

export function fakeWorld(options: { points?: number } = {}): FakeWorld {
  const keys = new Map<string, KeyRecord>();
  const partnerships = new Map<string, PartnershipAccess>();
  const idempotency = new MemoryIdempotencyStore();
  const log: RequestLogEntry[] = [];
  const errors: unknown[] = [];
  const lookups = { keys: 0, partnerships: 0 };
  const points = options.points ?? 500;
  const db = fakeDb();
  const limiter = { policy: { points, windowSeconds: 900 }, limiter: new RateLimiterMemory({ points, duration: 900 }) };
  const deps: PipelineDeps = {
    getDb: async () => db,
    lookupKey: async (hash) => {
      lookups.keys++;
      return keys.get(hash) ?? null;
    },
    keyCache: new TtlCache(60_000),
    consoleSecret: () => CONSOLE_TEST_SECRET,
    lookupPartnership: async (vendorId, companyId) => {
      lookups.partnerships++;
      return partnerships.get(`${vendorId}:${companyId}`) ?? null;
    },
    partnershipCache: new TtlCache(60_000),
    limiter: async () => limiter,
    idempotencyStore: () => idempotency,
    // Off (not live) unless a test turns it on with readCache.setLive(true).
    readCache: new ReadCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 }),
    recordRequest: (entry) => log.push(entry),
    clientIp: (headers) => headers.get("x-forwarded-for") ?? "unknown",
    logError: (_id, _summary, error) => errors.push(error),
  };
  return {
    deps,
    keys,
    partnerships,
    idempotency,
    log,
    errors,
    lookups,
    addKey(partial) {
      const generated = generateApiKey();
      const record: KeyRecord = {
        id: `key-${keys.size + 1}`,
        companyId: partial.kind === "DIRECT" ? TENANT.id : null,
        vendorId: partial.kind === "VENDOR" ? VENDOR_ID : null,
        scopes: ["read:all", "write:all"],
        expiresAt: null,
        revokedAt: null,
        company: partial.kind === "DIRECT" ? TENANT : null,
        ...partial,
      };
      keys.set(generated.hash, record);
      return { secret: generated.secret, record };
    },
  };
}

/** A Request to the API with a bearer key and optional headers/body. */
export function apiRequest(method: string, path: string, init: { key?: string; headers?: Record<string, string>; body?: string } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method, headers, body: init.body });
}
