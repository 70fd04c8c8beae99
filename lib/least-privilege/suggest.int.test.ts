import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/types";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { onKeyRevoked } from "@/lib/keys/events";
import { createKey } from "@/lib/keys/service";
import { requestLogWriter } from "@/lib/request-log/writer";
import { createPartnership } from "@/lib/tenancy/partnerships";
import { type CompanyScope, operatorScope } from "@/lib/tenancy/scope";
import { reduceToUsedScopes } from "./apply";
import { keySuggestions, partnershipSuggestions } from "./suggest";

let t: TestDatabase;
let north: string;
let south: string;
let vendorId: string;
const now = new Date();
const scopeOf = (companyId: string): CompanyScope => ({ kind: "company", companyId, includeDivisions: false });

async function used(entries: { apiKeyId: string; companyId: string; vendorId?: string; scope: string | null; daysAgo?: number }[]) {
  await requestLogWriter(t.db).insert(
    entries.map((e, i) => ({
      apiKeyId: e.apiKeyId,
      consoleUserId: null,
      companyId: e.companyId,
      vendorId: e.vendorId ?? null,
      method: "GET",
      path: "/api/v1/jobs",
      status: e.scope ? 200 : 403,
      durationMs: 2,
      requestId: `r${i}-${Math.random()}`,
      errorCode: e.scope ? null : "INSUFFICIENT_SCOPE",
      scope: e.scope,
      createdAt: new Date(now.getTime() - (e.daysAgo ?? 0) * 86_400_000),
    })),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  north = (await t.db.company.create({ data: { name: "North" } })).id;
  south = (await t.db.company.create({ data: { name: "South" } })).id;
  vendorId = (await t.db.vendor.create({ data: { name: "RouteWare" } })).id;
});
afterAll(async () => {
  await t?.cleanup();
});

describe("least privilege", () => {
  it("suggests the scopes used in 30 days, flags keys idle 90 days, and applies the reduction audited", async () => {
    const owner = { kind: "company" as const, companyId: north };
    const key = await createKey(t.db, operatorScope(), CLI_ACTOR, { owner, name: "jobs reader", scopes: ["read:jobs", "read:drivers", "write:jobs"] });
    const idle = await createKey(t.db, operatorScope(), CLI_ACTOR, { owner, name: "idle", scopes: ["read:all"] });
    await t.db.apiKey.update({ where: { id: idle.id }, data: { createdAt: new Date(now.getTime() - 120 * 86_400_000) } });
    // read:drivers was used 40 days ago: outside the window. A 403 authorized nothing.
    await used([
      { apiKeyId: key.id, companyId: north, scope: "read:jobs" },
      { apiKeyId: key.id, companyId: north, scope: "read:drivers", daysAgo: 40 },
      { apiKeyId: key.id, companyId: north, scope: null },
    ]);

    const suggestions = await keySuggestions(t.db, scopeOf(north), now);
    const mine = suggestions.find((s) => s.id === key.id);
    expect(mine).toMatchObject({ used: ["read:jobs"], suggested: ["read:jobs"], summary: "Uses 1 of 3 granted scopes", stale: false });
    expect(suggestions.find((s) => s.id === idle.id)).toMatchObject({ stale: true, suggested: null });
    expect(await keySuggestions(t.db, scopeOf(south), now)).toEqual([]);

    // From South's scope the key does not exist.
    await expect(reduceToUsedScopes(t.db, scopeOf(south), CLI_ACTOR, { kind: "key", id: key.id, scopes: ["read:jobs"] }, now)).rejects.toThrow(/not found/);
    // A diff other than the one the server computes is refused.
    await expect(reduceToUsedScopes(t.db, scopeOf(north), CLI_ACTOR, { kind: "key", id: key.id, scopes: ["read:drivers"] }, now)).rejects.toThrow(
      /Usage changed/,
    );

    const dropped: string[] = [];
    const off = onKeyRevoked((e) => dropped.push(e.id));
    try {
      const result = await reduceToUsedScopes(t.db, scopeOf(north), CLI_ACTOR, { kind: "key", id: key.id, scopes: ["read:jobs"] }, now);
      expect(result).toEqual({ kind: "key", id: key.id, before: ["read:jobs", "read:drivers", "write:jobs"], after: ["read:jobs"] });
    } finally {
      off();
    }
    expect(dropped).toEqual([key.id]); // the verified-key cache drops it: the next request sees the new scopes
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).scopes).toEqual(["read:jobs"]);
    const events = await t.db.auditEvent.findMany({ where: { action: "api_key.scopes_reduced", targetId: key.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      companyId: north,
      actorLabel: "cli",
      metadata: { before: { scopes: ["read:jobs", "read:drivers", "write:jobs"] }, after: { scopes: ["read:jobs"] } },
    });
    // Nothing left to reduce.
    expect((await keySuggestions(t.db, scopeOf(north), now)).find((s) => s.id === key.id)?.suggested).toBeNull();
  });

  it("compares a partnership's grant with the vendor's requests for that tenant only", async () => {
    const partnership = await createPartnership(t.db, operatorScope(), CLI_ACTOR, {
      vendorId,
      companyId: north,
      scopes: ["read:jobs", "read:trucks", "write:dispatches"],
      status: "active",
    });
    await used([
      { apiKeyId: "vendor-key", companyId: north, vendorId, scope: "read:jobs" },
      { apiKeyId: "vendor-key", companyId: south, vendorId, scope: "read:trucks" },
    ]);
    const [suggestion] = await partnershipSuggestions(t.db, scopeOf(north), now);
    expect(suggestion).toMatchObject({ id: partnership.id, used: ["read:jobs"], suggested: ["read:jobs"], summary: "Uses 1 of 3 granted scopes" });
    await reduceToUsedScopes(t.db, scopeOf(north), CLI_ACTOR, { kind: "partnership", id: partnership.id, scopes: ["read:jobs"] }, now);
    expect((await t.db.partnership.findUniqueOrThrow({ where: { id: partnership.id } })).scopes).toEqual(["read:jobs"]);
    expect(await t.db.auditEvent.count({ where: { action: "partnership.grant_changed", targetId: partnership.id } })).toBe(1);
  });
});
