import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@/lib/db/demo";
import { seedDemo } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { recordSignIn } from "./sign-in-audit";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
});
afterAll(async () => {
  await t?.cleanup();
});

const idOf = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const events = async (email: string) =>
  t.db.auditEvent.findMany({
    where: { targetType: "user", targetId: await idOf(email), action: { startsWith: "user.sign" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

describe("recordSignIn", () => {
  it("writes a success to the tenant of the user, with the user as actor and the client address", async () => {
    const { northAdmin } = DEMO.users;
    await recordSignIn(t.db, { email: northAdmin.email.toUpperCase(), ok: true, ip: "198.51.100.9" });
    const [event, ...rest] = await events(northAdmin.email);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      action: "user.signed_in",
      actorUserId: await idOf(northAdmin.email),
      actorLabel: northAdmin.email,
      ip: "198.51.100.9",
      companyId: DEMO.companies.north.id,
      vendorId: null,
    });
  });

  it("writes a failure with no acting user (someone tried) to the tenant's log; a vendor user's goes to the vendor", async () => {
    const { southAdmin, vendor } = DEMO.users;
    await recordSignIn(t.db, { email: southAdmin.email, ok: false, ip: "203.0.113.5" });
    expect(await events(southAdmin.email)).toEqual([
      expect.objectContaining({
        action: "user.sign_in_failed",
        actorUserId: null,
        actorLabel: southAdmin.email,
        ip: "203.0.113.5",
        companyId: DEMO.companies.south.id,
      }),
    ]);
    await recordSignIn(t.db, { email: vendor.email, ok: true, ip: null });
    expect(await events(vendor.email)).toEqual([expect.objectContaining({ action: "user.signed_in", companyId: null, vendorId: DEMO.vendor.id })]);
  });

  it("an email without an account belongs to no tenant: nothing is written", async () => {
    const before = await t.db.auditEvent.count();
    await recordSignIn(t.db, { email: "nobody@nowhere.test", ok: false, ip: "203.0.113.5" });
    expect(await t.db.auditEvent.count()).toBe(before);
  });
});
