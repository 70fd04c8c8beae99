import { describe, expect, it } from "vitest";
import { TtlCache } from "@/lib/cache/ttl-cache";
import { invalidateKey, type KeyRecord } from "./cache";
import { emitKeyRevoked } from "./events";
import { checksumOf, generateApiKey, KEY_PREFIX } from "./format";
import { verifyKey } from "./verify";

function record(overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id: "key-1",
    kind: "DIRECT",
    companyId: "c1",
    vendorId: null,
    scopes: ["read:all"],
    expiresAt: null,
    revokedAt: null,
    company: { id: "c1", name: "C", parentId: null },
    ...overrides,
  };
}

function setup(rec: KeyRecord | null) {
  const key = generateApiKey();
  const rows = new Map<string, KeyRecord>();
  if (rec) rows.set(key.hash, rec);
  let lookups = 0;
  const lookup = async (hash: string) => {
    lookups++;
    return rows.get(hash) ?? null;
  };
  const cache = new TtlCache<KeyRecord | null>(60_000);
  return { key, rows, lookup, cache, lookups: () => lookups };
}

const now = new Date("2026-03-15T12:00:00Z");

describe("verifyKey", () => {
  const random = "a".repeat(32);
  it.each([
    ["", "missing"],
    ["kl_live_short", "malformed"],
    [`kl_test_${random}${checksumOf(random)}`, "malformed"],
    [`${KEY_PREFIX}${random}${checksumOf(random)}x`, "malformed"],
    [`${KEY_PREFIX}${random}000000`, "bad_checksum"],
    [`${KEY_PREFIX}${random}${checksumOf(random)}`, "unknown"],
  ])("%j → %s (format failures never touch the database)", async (secret, reason) => {
    const s = setup(null);
    const result = await verifyKey(secret, s.lookup, s.cache, now);
    expect(result).toEqual({ ok: false, reason });
    expect(s.lookups()).toBe(reason === "unknown" ? 1 : 0);
  });

  it.each([
    [{ revokedAt: new Date("2026-03-15T11:59:59Z") }, "revoked"],
    [{ expiresAt: new Date("2026-03-15T12:00:00Z") }, "expired"],
    [{ expiresAt: new Date("2026-03-14T00:00:00Z"), revokedAt: new Date("2026-03-01T00:00:00Z") }, "revoked"],
  ])("%j → %s", async (overrides, reason) => {
    const s = setup(record(overrides));
    expect(await verifyKey(s.key.secret, s.lookup, s.cache, now)).toEqual({ ok: false, reason });
  });

  it("accepts a valid key and serves repeats from the cache", async () => {
    const s = setup(record({ expiresAt: new Date("2026-03-16T00:00:00Z") }));
    for (let i = 0; i < 5; i++) expect((await verifyKey(s.key.secret, s.lookup, s.cache, now)).ok).toBe(true);
    expect(s.lookups()).toBe(1);
  });

  it("expiry applies to cached keys too", async () => {
    const s = setup(record({ expiresAt: new Date("2026-03-15T12:00:01Z") }));
    expect((await verifyKey(s.key.secret, s.lookup, s.cache, now)).ok).toBe(true);
    const later = new Date("2026-03-15T12:00:01Z");
    expect(await verifyKey(s.key.secret, s.lookup, s.cache, later)).toEqual({ ok: false, reason: "expired" });
  });

  it("a revocation invalidates the cache: the very next request is refused", async () => {
    const s = setup(record());
    expect((await verifyKey(s.key.secret, s.lookup, s.cache)).ok).toBe(true);
    s.rows.set(s.key.hash, record({ revokedAt: new Date() }));
    invalidateKey(s.cache, { id: "key-1" });
    expect(await verifyKey(s.key.secret, s.lookup, s.cache)).toEqual({ ok: false, reason: "revoked" });
  });

  it("the process-wide cache listens to revoke events", async () => {
    const { keyCache } = await import("./cache");
    const s = setup(record({ id: "key-evt" }));
    expect((await verifyKey(s.key.secret, s.lookup, keyCache)).ok).toBe(true);
    s.rows.set(s.key.hash, record({ id: "key-evt", revokedAt: new Date() }));
    emitKeyRevoked({ id: "key-evt", hash: s.key.hash });
    expect(await verifyKey(s.key.secret, s.lookup, keyCache)).toEqual({ ok: false, reason: "revoked" });
  });

  it("concurrent first requests share one lookup", async () => {
    const s = setup(record());
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyKey(s.key.secret, s.lookup, s.cache)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(s.lookups()).toBe(1);
  });

  it("a lookup that raced a revocation is not cached", async () => {
    const s = setup(record());
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowLookup = async (hash: string) => {
      const row = s.rows.get(hash) ?? null; // read before the revocation commits
      await gate;
      return row;
    };
    const first = verifyKey(s.key.secret, slowLookup, s.cache);
    s.rows.set(s.key.hash, record({ revokedAt: new Date() }));
    invalidateKey(s.cache, { id: "key-1" });
    release();
    expect((await first).ok).toBe(true); // it started before the revocation
    expect(await verifyKey(s.key.secret, s.lookup, s.cache)).toEqual({ ok: false, reason: "revoked" });
  });
});
