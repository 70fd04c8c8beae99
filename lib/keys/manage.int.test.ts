import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { type Actor, CLI_ACTOR } from "@/lib/audit/types";
import { TtlCache } from "@/lib/cache/ttl-cache";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createCompany } from "@/lib/tenancy/companies";
import { setMaxKeyLifetime } from "@/lib/tenancy/key-lifetime";
import { type CompanyScope, operatorScope } from "@/lib/tenancy/scope";
import { invalidateKey, type KeyRecord } from "./cache";
import { onKeyRevoked } from "./events";
import { revokeLeakedKeys } from "./leaked";
import { createKey, revokeKey, rollKey, updateKey } from "./service";
import { verifyKey } from "./verify";

let t: TestDatabase;
const admin: Actor = { userId: null, label: "admin@test", ip: "203.0.113.7" };
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

async function company(name: string, parentId?: string): Promise<CompanyScope> {
  const created = await createCompany(t.db, operatorScope(), CLI_ACTOR, { name, parentId });
  return { kind: "company", companyId: created.id, includeDivisions: false };
}

function create(scope: CompanyScope, name: string, extra: { scopes?: string[]; expiry?: { kind: "never" } | { kind: "days"; days: number } } = {}) {
  return createKey(t.db, scope, admin, {
    owner: { kind: "company", companyId: scope.companyId },
    name,
    scopes: extra.scopes ?? ["read:jobs"],
    expiry: extra.expiry,
  });
}

/** What the API's key lookup reads (lib/api/lookups.ts, which this layer may not import). */
async function lookup(hash: string): Promise<KeyRecord | null> {
  const row = await t.db.apiKey.findUnique({
    where: { hash },
    select: {
      id: true,
      kind: true,
      companyId: true,
      vendorId: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      company: { select: { id: true, name: true, parentId: true } },
    },
  });
  return row;
}

function fieldOf(error: unknown): { path: string; message: string } | undefined {
  if (!(error instanceof ZodError)) return undefined;
  const [issue] = error.issues;
  return issue ? { path: issue.path.join("."), message: issue.message } : undefined;
}

/** A fresh key cache per call, like a second instance that has not seen the key yet. */
async function verify(secret: string, now = new Date()) {
  const cache = new TtlCache<KeyRecord | null>(60_000);
  return verifyKey(secret, lookup, cache, now);
}

describe("names", () => {
  it("are unique among an owner's working keys, case-insensitively, reported on the name field", async () => {
    const scope = await company("Names");
    await create(scope, "Dispatch sync");
    const error = await create(scope, "dispatch SYNC").catch((e: unknown) => e);
    expect(fieldOf(error)).toEqual({ path: "name", message: "A key named “dispatch SYNC” is already in use here; choose another name" });
    // Another company may use it, and so may this one once the first key is revoked.
    await expect(create(await company("Other names"), "Dispatch sync")).resolves.toMatchObject({ name: "Dispatch sync" });
    const keys = await t.db.apiKey.findMany({ where: { companyId: scope.companyId } });
    await revokeKey(t.db, scope, admin, keys[0]?.id ?? "");
    await expect(create(scope, "Dispatch sync")).resolves.toMatchObject({ status: "active" });
  });

  it("two concurrent creates with one name: exactly one wins", async () => {
    const scope = await company("Race");
    const results = await Promise.allSettled([create(scope, "Same"), create(scope, "Same")]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});

describe("maximum key lifetime", () => {
  it("refuses never and longer expiries for every creator, the operator CLI included, and allows up to the maximum", async () => {
    const scope = await company("Lifetime");
    await setMaxKeyLifetime(t.db, scope, admin, 30);
    for (const expiry of [undefined, { kind: "never" as const }, { kind: "days" as const, days: 31 }]) {
      const error = await create(scope, `Too long ${JSON.stringify(expiry)}`, { expiry }).catch((e: unknown) => e);
      expect(fieldOf(error)?.path, JSON.stringify(expiry)).toBe("expiry");
      expect(fieldOf(error)?.message).toContain("at most 30 days");
    }
    const viaCli = createKey(t.db, operatorScope(), CLI_ACTOR, { owner: { kind: "company", companyId: scope.companyId }, name: "cli", scopes: ["read:jobs"] });
    await expect(viaCli).rejects.toBeInstanceOf(ZodError);
    const ok = await create(scope, "Thirty", { expiry: { kind: "days", days: 30 } });
    expect((ok.expiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(29.9 * 24 * HOUR);
    expect(await t.db.apiKey.count({ where: { companyId: scope.companyId } })).toBe(1);
    // The setting is audited with before and after; clearing it allows "never" again.
    await setMaxKeyLifetime(t.db, scope, admin, null);
    await expect(create(scope, "Forever")).resolves.toMatchObject({ expiresAt: null });
    const audits = await t.db.auditEvent.findMany({
      where: { action: "company.key_lifetime_changed", companyId: scope.companyId },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.metadata)).toEqual([
      { before: null, after: 30 },
      { before: 30, after: null },
    ]);
  });
});

describe("updateKey", () => {
  it("renames and re-scopes; the next verification sees the new scopes; audited with before and after", async () => {
    const scope = await company("Update");
    const key = await create(scope, "Jobs only");
    const events: string[] = [];
    const off = onKeyRevoked((e) => events.push(e.id));
    try {
      await updateKey(t.db, scope, admin, key.id, { name: "Jobs and drivers", scopes: ["read:jobs", "read:drivers"] });
      await updateKey(t.db, scope, admin, key.id, { description: "Nightly sync" }); // no scope change: no cache event
    } finally {
      off();
    }
    expect(events).toEqual([key.id]);
    const verified = await verify(key.key);
    expect(verified.ok && verified.key.scopes).toEqual(["read:jobs", "read:drivers"]);
    const audit = await t.db.auditEvent.findFirst({ where: { action: "api_key.updated", targetId: key.id }, orderBy: { createdAt: "asc" } });
    expect(audit).toMatchObject({ actorLabel: "admin@test", ip: "203.0.113.7", companyId: scope.companyId });
    expect(audit?.metadata).toMatchObject({
      before: { name: "Jobs only", scopes: ["read:jobs"] },
      after: { name: "Jobs and drivers", scopes: ["read:jobs", "read:drivers"] },
    });
  });

  it("a cache that holds the key drops it on the change event (as another instance would on NOTIFY)", async () => {
    const scope = await company("Cache");
    const key = await create(scope, "Cached");
    const cache = new TtlCache<KeyRecord | null>(60_000);
    const off = onKeyRevoked((e) => invalidateKey(cache, e));
    try {
      expect((await verifyKey(key.key, lookup, cache)).ok).toBe(true);
      await updateKey(t.db, scope, admin, key.id, { scopes: ["read:drivers"] });
      const after = await verifyKey(key.key, lookup, cache);
      expect(after.ok && after.key.scopes).toEqual(["read:drivers"]);
    } finally {
      off();
    }
  });

  it("refuses a revoked key, a taken name, and a key of another tenant (not found)", async () => {
    const scope = await company("Refusals");
    const a = await create(scope, "A");
    await create(scope, "B");
    expect(fieldOf(await updateKey(t.db, scope, admin, a.id, { name: "b" }).catch((e: unknown) => e))?.path).toBe("name");
    await expect(updateKey(t.db, await company("Elsewhere"), admin, a.id, { name: "C" })).rejects.toBeInstanceOf(NotFoundError);
    await revokeKey(t.db, scope, admin, a.id);
    await expect(updateKey(t.db, scope, admin, a.id, { name: "C" })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("rollKey", () => {
  it("with a 1 hour grace both keys work, linked, and the old one stops when the hour is up", async () => {
    const scope = await company("Roll");
    const old = await create(scope, "Rolling", { scopes: ["read:jobs", "write:dispatches"], expiry: { kind: "days", days: 10 } });
    const rolled = await rollKey(t.db, scope, admin, old.id, { grace: "1h" });
    expect(rolled).toMatchObject({ name: "Rolling", scopes: ["read:jobs", "write:dispatches"], replacesKeyId: old.id, status: "active" });
    expect((rolled.expiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(9.9 * 24 * HOUR);
    const stored = await t.db.apiKey.findUniqueOrThrow({ where: { id: old.id } });
    expect(stored.replacedById).toBe(rolled.id);
    expect((stored.revokedAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(0.99 * HOUR);
    expect((await verify(old.key)).ok).toBe(true);
    expect((await verify(rolled.key)).ok).toBe(true);
    expect(await verify(old.key, new Date(Date.now() + HOUR + 1000))).toEqual({ ok: false, reason: "revoked" });
    // A key in its grace period cannot be rolled again, but can be revoked at once.
    await expect(rollKey(t.db, scope, admin, old.id, { grace: "1h" })).rejects.toBeInstanceOf(ConflictError);
    await revokeKey(t.db, scope, admin, old.id);
    expect(await verify(old.key)).toEqual({ ok: false, reason: "revoked" });
    const audit = await t.db.auditEvent.findFirst({ where: { action: "api_key.rolled", targetId: rolled.id } });
    expect(audit?.metadata).toMatchObject({ replacesKeyId: old.id, grace: "1h" });
  });

  it("immediately: the old key is refused on its next request", async () => {
    const scope = await company("Roll now");
    const old = await create(scope, "Now");
    const rolled = await rollKey(t.db, scope, admin, old.id, { grace: "now" });
    expect(await verify(old.key)).toEqual({ ok: false, reason: "revoked" });
    expect((await verify(rolled.key)).ok).toBe(true);
  });

  it("a replacement never outlives the tenant's maximum lifetime", async () => {
    const scope = await company("Roll capped");
    const old = await create(scope, "Forever");
    await setMaxKeyLifetime(t.db, scope, admin, 7);
    const rolled = await rollKey(t.db, scope, admin, old.id, { grace: "now" });
    expect((rolled.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) - Date.now()).toBeLessThanOrEqual(7 * 24 * HOUR);
  });
});

describe("revokeLeakedKeys", () => {
  it("revokes each working key it is given, audits it with the reporter's address, and ignores the rest", async () => {
    const scope = await company("Leaks");
    const live = await create(scope, "Live");
    const bystander = await create(scope, "Bystander");
    const reporter: Actor = { userId: null, label: "leaked-key report", ip: "198.51.100.9" };
    const answer = await revokeLeakedKeys(t.db, reporter, [live.key, `  ${live.key} `, "kl_live_not-a-key", "garbage"]);
    expect(answer).toEqual({ received: 4 });
    expect(await verify(live.key)).toEqual({ ok: false, reason: "revoked" });
    expect((await verify(bystander.key)).ok).toBe(true);
    const audits = await t.db.auditEvent.findMany({ where: { action: "api_key.leak_reported" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetId: live.id, companyId: scope.companyId, ip: "198.51.100.9", actorLabel: "leaked-key report" });
    // Reporting it again changes nothing and answers the same.
    expect(await revokeLeakedKeys(t.db, reporter, [live.key])).toEqual({ received: 1 });
    expect(await t.db.auditEvent.count({ where: { action: "api_key.leak_reported" } })).toBe(1);
  });
});
