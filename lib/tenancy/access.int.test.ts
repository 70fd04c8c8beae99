import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@/lib/db/demo";
import { seedDemo } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { NotFoundError } from "@/lib/errors";
import { assertTenantAccess, listAccessibleTenants } from "./access";

const { companies, users } = DEMO;
let testDb: TestDatabase;
const ids: Record<keyof typeof users, string> = {} as Record<keyof typeof users, string>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.db);
  for (const [key, user] of Object.entries(users)) {
    const row = await testDb.db.user.findUniqueOrThrow({ where: { email: user.email } });
    ids[key as keyof typeof users] = row.id;
  }
});
afterAll(async () => {
  await testDb?.cleanup();
});

const as = (key: keyof typeof users) => ({ id: ids[key] });

describe("listAccessibleTenants", () => {
  it("gives a corporate user the parent and every division, parent first", async () => {
    const tenants = await listAccessibleTenants(testDb.db, as("corporate"));
    expect(tenants.map((t) => [t.id, t.role])).toEqual([
      [companies.corporate.id, "CORPORATE"],
      [companies.north.id, "CORPORATE"],
      [companies.south.id, "CORPORATE"],
    ]);
  });

  it("gives division admins and members exactly their division", async () => {
    expect(await listAccessibleTenants(testDb.db, as("northAdmin"))).toEqual([
      { id: companies.north.id, name: companies.north.name, parentId: companies.corporate.id, role: "ADMIN" },
    ]);
    expect((await listAccessibleTenants(testDb.db, as("northMember"))).map((t) => [t.id, t.role])).toEqual([[companies.north.id, "MEMBER"]]);
  });

  it("gives operators and vendor users no tenants", async () => {
    expect(await listAccessibleTenants(testDb.db, as("operator"))).toEqual([]);
    expect(await listAccessibleTenants(testDb.db, as("vendor"))).toEqual([]);
  });

  it("keeps the higher role when a user has a direct membership and corporate access", async () => {
    await testDb.db.membership.create({ data: { userId: ids.corporate, companyId: companies.north.id, role: "MEMBER" } });
    const north = (await listAccessibleTenants(testDb.db, as("corporate"))).find((t) => t.id === companies.north.id);
    expect(north?.role).toBe("CORPORATE");
    expect((await assertTenantAccess(testDb.db, as("corporate"), companies.north.id)).role).toBe("CORPORATE");
    await testDb.db.membership.deleteMany({ where: { userId: ids.corporate, companyId: companies.north.id } });
  });
});

describe("assertTenantAccess", () => {
  it("lets a corporate user into each division", async () => {
    for (const tenant of [companies.corporate, companies.north, companies.south]) {
      const access = await assertTenantAccess(testDb.db, as("corporate"), tenant.id);
      expect(access).toMatchObject({ id: tenant.id, name: tenant.name, role: "CORPORATE" });
    }
  });

  it.each([
    ["a sibling division", "northAdmin", companies.south.id],
    ["the corporate parent", "northAdmin", companies.corporate.id],
    ["an unknown tenant", "northAdmin", "a0000000-0000-4000-8000-0000000000ff"],
    ["a malformed id", "northMember", "not-a-uuid"],
    ["any tenant, for a vendor user", "vendor", companies.north.id],
    ["any tenant, for an operator", "operator", companies.north.id],
  ] as const)("refuses %s with the same NotFoundError", async (_label, who, tenantId) => {
    await expect(assertTenantAccess(testDb.db, as(who), tenantId)).rejects.toThrow(NotFoundError);
    await expect(assertTenantAccess(testDb.db, as(who), tenantId)).rejects.toThrow("Tenant not found");
  });

  it("does not let a division's corporate-role membership reach its sibling", async () => {
    const user = await testDb.db.user.create({
      data: { email: "odd@acme-waste.test", name: "Odd", passwordHash: "x", memberships: { create: { companyId: companies.north.id, role: "CORPORATE" } } },
    });
    await expect(assertTenantAccess(testDb.db, user, companies.south.id)).rejects.toThrow(NotFoundError);
    expect((await assertTenantAccess(testDb.db, user, companies.north.id)).role).toBe("CORPORATE");
  });
});
