import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit-trail/list";
import { CLI_ACTOR } from "@/lib/audit/types";
import { DEMO } from "@/lib/db/demo";
import { seedDemo } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { NotFoundError } from "@/lib/errors";
import type { CreateKeyInput } from "@/lib/keys/schemas";
import { createKey, getKey, listKeys, revokeKey, rollKey } from "@/lib/keys/service";
import { listPartnerships } from "./partnerships";
import { type CompanyScope, operatorScope, vendorScope } from "./scope";

const { companies, vendor } = DEMO;
const north: CompanyScope = { kind: "company", companyId: companies.north.id, includeDivisions: false };
const south: CompanyScope = { kind: "company", companyId: companies.south.id, includeDivisions: false };
const corporateOnly: CompanyScope = { kind: "company", companyId: companies.corporate.id, includeDivisions: false };
const allDivisions: CompanyScope = { kind: "company", companyId: companies.corporate.id, includeDivisions: true };
const routeware = vendorScope(vendor.id);

let t: TestDatabase;
const keyIds = { north: "", south: "", vendor: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  const make = (owner: Parameters<typeof createKey>[3]["owner"], name: string) =>
    createKey(t.db, operatorScope(), CLI_ACTOR, { owner, name, scopes: ["read:jobs"] });
  keyIds.north = (await make({ kind: "company", companyId: companies.north.id }, "north")).id;
  keyIds.south = (await make({ kind: "company", companyId: companies.south.id }, "south")).id;
  keyIds.vendor = (await make({ kind: "vendor", vendorId: vendor.id }, "vendor")).id;
});
afterAll(async () => {
  await t?.cleanup();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("keys in a scope", () => {
  it("lists a division's own keys, every division's for the corporate inventory, the vendor's own", async () => {
    expect(ids(await listKeys(t.db, north))).toEqual([keyIds.north]);
    expect(ids(await listKeys(t.db, corporateOnly))).toEqual([]);
    expect(ids(await listKeys(t.db, allDivisions))).toEqual([keyIds.north, keyIds.south].sort());
    expect(ids(await listKeys(t.db, routeware))).toEqual([keyIds.vendor]);
    expect(ids(await listKeys(t.db, operatorScope()))).toEqual([keyIds.north, keyIds.south, keyIds.vendor].sort());
  });

  it("reports a key outside the scope as not found, for reads and writes alike", async () => {
    await expect(getKey(t.db, south, keyIds.north)).rejects.toThrow(NotFoundError);
    await expect(getKey(t.db, routeware, keyIds.north)).rejects.toThrow("API key not found");
    await expect(getKey(t.db, north, keyIds.vendor)).rejects.toThrow(NotFoundError);
    await expect(revokeKey(t.db, south, CLI_ACTOR, keyIds.north)).rejects.toThrow(NotFoundError);
    await expect(rollKey(t.db, routeware, CLI_ACTOR, keyIds.north, {})).rejects.toThrow(NotFoundError);
    expect((await getKey(t.db, operatorScope(), keyIds.north)).status).toBe("active");
    expect(await t.db.auditEvent.count({ where: { targetId: keyIds.north, action: { not: "api_key.created" } } })).toBe(0);
  });

  it("creates keys only for an owner inside the scope", async () => {
    const intoNorth: CreateKeyInput = { owner: { kind: "company", companyId: companies.north.id }, name: "x", scopes: ["read:jobs"] };
    await expect(createKey(t.db, south, CLI_ACTOR, intoNorth)).rejects.toThrow("Company not found");
    await expect(createKey(t.db, routeware, CLI_ACTOR, intoNorth)).rejects.toThrow("Company not found");
    await expect(createKey(t.db, north, CLI_ACTOR, { owner: { kind: "vendor", vendorId: vendor.id }, name: "x", scopes: ["read:jobs"] })).rejects.toThrow(
      "Vendor not found",
    );
    const fromParent = await createKey(t.db, allDivisions, CLI_ACTOR, intoNorth);
    expect(fromParent.companyId).toBe(companies.north.id);
    await revokeKey(t.db, north, CLI_ACTOR, fromParent.id);
  });

  it("refuses to list another owner's keys by naming it", async () => {
    await expect(listKeys(t.db, north, { kind: "company", companyId: companies.south.id })).rejects.toThrow("Company not found");
    expect(ids(await listKeys(t.db, operatorScope(), { kind: "company", companyId: companies.south.id }))).toEqual([keyIds.south]);
  });
});

describe("partnerships in a scope", () => {
  it("shows each side only its own partnerships", async () => {
    const demo = DEMO.partnership.id;
    expect(ids(await listPartnerships(t.db, north))).toEqual([demo]);
    expect(ids(await listPartnerships(t.db, south))).toEqual([]);
    expect(ids(await listPartnerships(t.db, allDivisions))).toEqual([demo]);
    expect(ids(await listPartnerships(t.db, routeware))).toEqual([demo]);
    expect(ids(await listPartnerships(t.db, vendorScope("00000000-0000-4000-8000-000000000000")))).toEqual([]);
    // A filter cannot widen the scope.
    expect(await listPartnerships(t.db, south, { companyId: companies.north.id })).toEqual([]);
  });
});

describe("audit events in a scope", () => {
  it("lists a tenant's events only, its divisions' for the corporate inventory", async () => {
    const companyIds = async (scope: Parameters<typeof listAuditEvents>[1]) =>
      new Set((await listAuditEvents(t.db, scope, { limit: 500 })).map((e) => e.companyId));
    expect(await companyIds(north)).toEqual(new Set([companies.north.id]));
    expect(await companyIds(allDivisions)).toEqual(new Set([companies.north.id, companies.south.id]));
    // A filter cannot widen the scope.
    expect(await listAuditEvents(t.db, south, { companyId: companies.north.id, limit: 500 })).toEqual([]);
    const vendorEvents = await listAuditEvents(t.db, routeware, { limit: 500 });
    expect(vendorEvents.length).toBeGreaterThan(0);
    expect(vendorEvents.every((e) => e.vendorId === vendor.id)).toBe(true);
  });
});
