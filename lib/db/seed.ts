import "server-only";
import bcrypt from "bcryptjs";
import type { Db } from "./client";
import { DEMO, DEMO_PASSWORD } from "./demo";
import { haulingRows } from "./seed-hauling";

type MembershipRole = "CORPORATE" | "ADMIN" | "MEMBER";

interface DemoUser {
  email: string;
  name: string;
  isOperator?: boolean;
  vendorId?: string;
  membership?: { companyId: string; role: MembershipRole };
}

const { companies, users } = DEMO;

const DEMO_USERS: DemoUser[] = [
  { ...users.operator, isOperator: true },
  { ...users.corporate, membership: { companyId: companies.corporate.id, role: "CORPORATE" } },
  { ...users.northAdmin, membership: { companyId: companies.north.id, role: "ADMIN" } },
  { ...users.southAdmin, membership: { companyId: companies.south.id, role: "ADMIN" } },
  { ...users.northMember, membership: { companyId: companies.north.id, role: "MEMBER" } },
  { ...users.vendor, vendorId: DEMO.vendor.id },
];

export interface SeedSummary {
  users: number;
  companies: number;
  jobs: number;
}

async function seedOrganisation(db: Db): Promise<void> {
  const { corporate, north, south } = companies;
  await db.company.upsert({ where: { id: corporate.id }, create: corporate, update: {} });
  for (const division of [north, south]) {
    await db.company.upsert({ where: { id: division.id }, create: { ...division, parentId: corporate.id }, update: {} });
  }
  await db.vendor.upsert({ where: { id: DEMO.vendor.id }, create: DEMO.vendor, update: {} });
  await db.partnership.upsert({
    where: { id: DEMO.partnership.id },
    create: {
      id: DEMO.partnership.id,
      vendorId: DEMO.vendor.id,
      companyId: north.id,
      status: "ACTIVE",
      scopes: [...DEMO.partnership.scopes],
    },
    update: {},
  });
}

async function seedUsers(db: Db): Promise<void> {
  const existing = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) } },
    select: { email: true },
  });
  const known = new Set(existing.map((user) => user.email));
  // One hash for all demo users: they share a published demo password anyway, and bcrypt(10) costs
  // ~0.1–0.7 s of CPU per hash, which the first start of the app would otherwise pay six times.
  let demoHash: string | null = null;
  const passwordHash = async () => {
    demoHash ??= await bcrypt.hash(DEMO_PASSWORD, 10);
    return demoHash;
  };
  for (const user of DEMO_USERS) {
    // Only new users get the demo password: a re-seed never resets a password someone changed.
    const created = known.has(user.email)
      ? null
      : await db.user.create({
          data: {
            email: user.email,
            name: user.name,
            passwordHash: await passwordHash(),
            isOperator: user.isOperator ?? false,
            vendorId: user.vendorId ?? null,
          },
        });
    const { membership } = user;
    if (!membership) continue;
    const userId = created?.id ?? (await db.user.findUniqueOrThrow({ where: { email: user.email } })).id;
    await db.membership.upsert({
      where: { userId_companyId: { userId, companyId: membership.companyId } },
      create: { userId, companyId: membership.companyId, role: membership.role },
      update: {},
    });
  }
}

async function seedHauling(db: Db, today: Date): Promise<void> {
  const divisions = [
    { company: companies.north, index: 1, label: "North" },
    { company: companies.south, index: 2, label: "South" },
  ];
  for (const { company, index, label } of divisions) {
    const rows = haulingRows(company.id, index, label, today);
    // Fixed ids + ON CONFLICT DO NOTHING: a second run adds nothing. Parents before children.
    await db.customer.createMany({ data: rows.customers, skipDuplicates: true });
    await db.site.createMany({ data: rows.sites, skipDuplicates: true });
    await db.yard.createMany({ data: rows.yards, skipDuplicates: true });
    await db.dumpSite.createMany({ data: rows.dumpSites, skipDuplicates: true });
    await db.material.createMany({ data: rows.materials, skipDuplicates: true });
    await db.driver.createMany({ data: rows.drivers, skipDuplicates: true });
    await db.truck.createMany({ data: rows.trucks, skipDuplicates: true });
    await db.job.createMany({ data: rows.jobs, skipDuplicates: true });
    await db.dispatch.createMany({ data: rows.dispatches, skipDuplicates: true });
  }
}

/**
 * Creates the demo organisation (DEMO in demo.ts) and a few dozen hauling records per division.
 * Idempotent: fixed ids and upserts, so running it again creates no duplicates and changes nothing.
 */
export async function seedDemo(db: Db, options: { today?: Date } = {}): Promise<SeedSummary> {
  await seedOrganisation(db);
  await seedUsers(db);
  await seedHauling(db, options.today ?? new Date());
  const [userCount, companyCount, jobCount] = await Promise.all([db.user.count(), db.company.count(), db.job.count()]);
  return { users: userCount, companies: companyCount, jobs: jobCount };
}
