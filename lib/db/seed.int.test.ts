import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { DEMO, DEMO_PASSWORD } from "./demo";
import { seedDemo } from "./seed";
import { EXAMPLE_SERVICE_DATE } from "./seed-hauling";
import { createTestDatabase, type TestDatabase } from "./testing";

let test: TestDatabase;
let db: Db;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.db;
  await seedDemo(db, { today: new Date("2026-05-20T12:00:00Z") });
});

afterAll(async () => {
  await test.cleanup();
});

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    (
      [
        ["companies", db.company.count()],
        ["vendors", db.vendor.count()],
        ["users", db.user.count()],
        ["memberships", db.membership.count()],
        ["partnerships", db.partnership.count()],
        ["customers", db.customer.count()],
        ["sites", db.site.count()],
        ["yards", db.yard.count()],
        ["dumpSites", db.dumpSite.count()],
        ["materials", db.material.count()],
        ["drivers", db.driver.count()],
        ["trucks", db.truck.count()],
        ["jobs", db.job.count()],
        ["dispatches", db.dispatch.count()],
      ] as const
    ).map(async ([name, count]) => [name, await count] as const),
  );
  return Object.fromEntries(entries);
}

describe("seedDemo", () => {
  it("creates the corporate company with two divisions, the vendor and the active partnership", async () => {
    const { corporate, north, south } = DEMO.companies;
    const divisions = await db.company.findMany({ where: { parentId: corporate.id }, orderBy: { name: "asc" } });
    expect(divisions.map((d) => d.id)).toEqual([north.id, south.id]);
    const partnership = await db.partnership.findUniqueOrThrow({ where: { id: DEMO.partnership.id } });
    expect(partnership).toMatchObject({ vendorId: DEMO.vendor.id, companyId: north.id, status: "ACTIVE" });
    expect(partnership.scopes).toEqual([...DEMO.partnership.scopes]);
  });

  it("creates every demo user with the right role and a bcrypt hash of the demo password", async () => {
    const users = await db.user.findMany({ include: { memberships: true } });
    const byEmail = new Map(users.map((user) => [user.email, user]));
    const { users: u, companies: c } = DEMO;
    expect(byEmail.get(u.operator.email)?.isOperator).toBe(true);
    expect(byEmail.get(u.vendor.email)?.vendorId).toBe(DEMO.vendor.id);
    const role = (email: string) => byEmail.get(email)?.memberships.map((m) => [m.companyId, m.role]);
    expect(role(u.corporate.email)).toEqual([[c.corporate.id, "CORPORATE"]]);
    expect(role(u.northAdmin.email)).toEqual([[c.north.id, "ADMIN"]]);
    expect(role(u.southAdmin.email)).toEqual([[c.south.id, "ADMIN"]]);
    expect(role(u.northMember.email)).toEqual([[c.north.id, "MEMBER"]]);
    const hash = byEmail.get(u.northAdmin.email)?.passwordHash ?? "";
    expect(hash).toMatch(/^\$2[aby]\$10\$/);
    expect(await bcrypt.compare(DEMO_PASSWORD, hash)).toBe(true);
  });

  it("gives each division a few dozen hauling records, several jobs on the spec's example date and some around today", async () => {
    for (const division of [DEMO.companies.north, DEMO.companies.south]) {
      const companyId = division.id;
      expect(await db.job.count({ where: { companyId } })).toBeGreaterThanOrEqual(24);
      expect(await db.driver.count({ where: { companyId } })).toBeGreaterThanOrEqual(24);
      expect(await db.truck.count({ where: { companyId } })).toBeGreaterThanOrEqual(24);
      expect(await db.customer.count({ where: { companyId } })).toBeGreaterThanOrEqual(24);
      expect(await db.dispatch.count({ where: { companyId } })).toBeGreaterThan(0);
      const onExampleDate = await db.job.count({ where: { companyId, serviceDate: new Date(`${EXAMPLE_SERVICE_DATE}T00:00:00Z`) } });
      expect(onExampleDate).toBeGreaterThanOrEqual(5);
      const aroundToday = await db.job.count({
        where: { companyId, serviceDate: { gte: new Date("2026-05-13T00:00:00Z"), lte: new Date("2026-05-27T00:00:00Z") } },
      });
      expect(aroundToday).toBeGreaterThanOrEqual(10);
    }
    // Nothing of the demo divisions lands on the corporate parent.
    expect(await db.job.count({ where: { companyId: DEMO.companies.corporate.id } })).toBe(0);
  });

  it("is idempotent: a second run changes no counts and keeps changed passwords", async () => {
    const before = await counts();
    const email = DEMO.users.northMember.email;
    await db.user.update({ where: { email }, data: { passwordHash: "changed" } });
    await seedDemo(db, { today: new Date("2026-06-01T12:00:00Z") });
    expect(await counts()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe("changed");
  });
});
