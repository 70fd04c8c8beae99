import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";
import type { ClaimInput, IdempotencyRecordView, IdempotencyStore, StoredResponse } from "@/lib/idempotency/types";
import type { KeyRecord } from "@/lib/keys/cache";
import { generateApiKey } from "@/lib/keys/format";
import { ReadCache } from "@/lib/read-cache/read-cache";
import type { RequestLogEntry } from "@/lib/request-log/buffer";
import type { PartnershipAccess } from "@/lib/tenancy/resolve";
import type { PipelineDeps } from "./deps";
import { TtlCache } from "./ttl-cache";

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

export class MemoryIdempotencyStore implements IdempotencyStore {
  rows = new Map<string, IdempotencyRecordView & { identity: string; tenantId: string; key: string }>();

  private find_(identity: string, tenantId: string, key: string) {
    return [...this.rows.values()].find((r) => r.identity === identity && r.tenantId === tenantId && r.key === key);
  }
  async claim(input: ClaimInput) {
    if (this.find_(input.identity, input.tenantId, input.key)) return null;
    const id = `idem-${this.rows.size + 1}-${Math.random()}`;
    this.rows.set(id, { ...input, id, createdAt: new Date(), completedAt: null, response: null });
    return id;
  }
  async find(identity: string, tenantId: string, key: string) {
    return this.find_(identity, tenantId, key) ?? null;
  }
  async complete(id: string, response: StoredResponse) {
    const row = this.rows.get(id);
    if (row) this.rows.set(id, { ...row, completedAt: new Date(), response });
  }
  async release(id: string) {
    this.rows.delete(id);
  }
  async purgeExpired(now: Date) {
    let n = 0;
    for (const [id, row] of this.rows) if (row.expiresAt < now && this.rows.delete(id)) n++;
    return n;
  }
}

export const TENANT = { id: "11111111-1111-4111-8111-111111111111", name: "Tenant One", parentId: null };
export const OTHER_TENANT = { id: "22222222-2222-4222-8222-222222222222", name: "Tenant Two", parentId: null };
export const VENDOR_ID = "33333333-3333-4333-8333-333333333333";

export function fakeWorld(options: { points?: number } = {}): FakeWorld {
  const keys = new Map<string, KeyRecord>();
  const partnerships = new Map<string, PartnershipAccess>();
  const idempotency = new MemoryIdempotencyStore();
  const log: RequestLogEntry[] = [];
  const errors: unknown[] = [];
  const lookups = { keys: 0, partnerships: 0 };
  const points = options.points ?? 500;
  const limiter = { policy: { points, windowSeconds: 900 }, limiter: new RateLimiterMemory({ points, duration: 900 }) };
  const deps: PipelineDeps = {
    getDb: async () => ({}) as Db,
    lookupKey: async (hash) => {
      lookups.keys++;
      return keys.get(hash) ?? null;
    },
    keyCache: new TtlCache(60_000),
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
export function apiRequest(
  method: string,
  path: string,
  init: { key?: string; headers?: Record<string, string>; body?: string } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method, headers, body: init.body });
}
