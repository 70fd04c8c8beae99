import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { createCustomer } from "../customers/service";
import { createMaterial } from "../materials/service";
import { createSite } from "../sites/service";
import type { Page } from "../shared/cursor";
import { makeTenant, withTwoTenants } from "../testing/fixtures";
import { type Job, listJobsQuery } from "./schemas";
import { createJob, getJob, listJobs, updateJob } from "./service";

const t = withTwoTenants();

const list = (tenantId: string, query: Record<string, string>) => listJobs(t.db, tenantId, listJobsQuery.parse(query));

describe("jobs", () => {
  it("stores the service date as a calendar day and returns it as YYYY-MM-DD", async () => {
    const job = await createJob(t.db, t.north, { serviceDate: "2026-12-31", type: "PICKUP", containerSize: 30 });
    expect(job).toMatchObject({ serviceDate: "2026-12-31", type: "PICKUP", status: "PENDING", containerSize: 30, customerId: null });
    expect(job.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await getJob(t.db, t.north, job.id)).serviceDate).toBe("2026-12-31");
  });

  describe("filters", () => {
    let customerA: string;
    let customerB: string;
    beforeAll(async () => {
      customerA = (await createCustomer(t.db, t.south, { name: "A" })).id;
      customerB = (await createCustomer(t.db, t.south, { name: "B" })).id;
      await createJob(t.db, t.south, { serviceDate: "2026-03-14", customerId: customerA });
      await createJob(t.db, t.south, { serviceDate: "2026-03-15", customerId: customerA, status: "SCHEDULED" });
      await createJob(t.db, t.south, { serviceDate: "2026-03-15", customerId: customerB });
      await createJob(t.db, t.south, { serviceDate: "2026-03-16", customerId: customerB, status: "SCHEDULED" });
      // Same date in another tenant: never part of t.south's results.
      await createJob(t.db, t.north, { serviceDate: "2026-03-15" });
    });

    const dates = async (query: Record<string, string>) => (await list(t.south, query)).items.map((j) => j.serviceDate).sort();

    it("date= matches exactly that service date (the spec's example)", async () => {
      expect(await dates({ date: "2026-03-15" })).toEqual(["2026-03-15", "2026-03-15"]);
      expect(await dates({ date: "2026-03-17" })).toEqual([]);
    });

    it("from/to are an inclusive range", async () => {
      expect(await dates({ from: "2026-03-15" })).toEqual(["2026-03-15", "2026-03-15", "2026-03-16"]);
      expect(await dates({ to: "2026-03-15" })).toEqual(["2026-03-14", "2026-03-15", "2026-03-15"]);
      expect(await dates({ from: "2026-03-15", to: "2026-03-15" })).toEqual(["2026-03-15", "2026-03-15"]);
    });

    it("status and customerId narrow the results and combine with dates", async () => {
      expect(await dates({ status: "SCHEDULED" })).toEqual(["2026-03-15", "2026-03-16"]);
      expect(await dates({ customerId: customerB })).toEqual(["2026-03-15", "2026-03-16"]);
      expect(await dates({ customerId: customerA, date: "2026-03-15" })).toEqual(["2026-03-15"]);
    });
  });

  describe("references must belong to the tenant", () => {
    it("rejects another tenant's customer, site or material without saying whose they are", async () => {
      const customer = await createCustomer(t.db, t.south, { name: "South only" });
      const site = await createSite(t.db, t.south, { name: "South yard", address: "1 Main St" });
      const material = await createMaterial(t.db, t.south, { name: "Concrete" });
      const before = await t.db.job.count({ where: { companyId: t.north } });
      for (const [field, value] of [
        ["customerId", customer.id],
        ["siteId", site.id],
        ["materialId", material.id],
      ] as const) {
        const attempt = createJob(t.db, t.north, { serviceDate: "2026-03-15", [field]: value });
        await expect(attempt).rejects.toThrow(InvalidInputError);
        await expect(attempt).rejects.toThrow(`${field} does not match any`);
      }
      expect(await t.db.job.count({ where: { companyId: t.north } })).toBe(before);
    });

    it("an unknown id gets the same answer as a foreign one", async () => {
      const attempt = createJob(t.db, t.north, { serviceDate: "2026-03-15", customerId: "00000000-0000-4000-8000-000000000000" });
      await expect(attempt).rejects.toThrow("customerId does not match any customer of this company");
    });

    it("PATCH checks references too, and null clears them", async () => {
      const mine = await createCustomer(t.db, t.north, { name: "Mine" });
      const theirs = await createCustomer(t.db, t.south, { name: "Theirs" });
      const job = await createJob(t.db, t.north, { serviceDate: "2026-03-15", customerId: mine.id });
      await expect(updateJob(t.db, t.north, job.id, { customerId: theirs.id })).rejects.toThrow(InvalidInputError);
      expect((await getJob(t.db, t.north, job.id)).customerId).toBe(mine.id);
      expect((await updateJob(t.db, t.north, job.id, { customerId: null })).customerId).toBeNull();
    });
  });

  describe("the list (one SQL statement, ./list-sql.ts)", () => {
    it("a listed job is byte for byte the job getJob returns, set fields and empty ones", async () => {
      const tenant = await makeTenant(t.db, "Listed like read");
      const customer = await createCustomer(t.db, tenant, { name: "C" });
      const full = await createJob(t.db, tenant, {
        serviceDate: "2026-01-05",
        type: "SWAP",
        status: "SCHEDULED",
        customerId: customer.id,
        containerSize: 40,
        notes: 'Gate code 4411 — "north" entrance',
      });
      const empty = await createJob(t.db, tenant, { serviceDate: "2026-01-05" });
      const listed = (await list(tenant, { date: "2026-01-05" })).items;
      expect(JSON.stringify(listed)).toBe(JSON.stringify([await getJob(t.db, tenant, full.id), await getJob(t.db, tenant, empty.id)]));
    });

    it("pages through rows created in the same millisecond once each, in id order", async () => {
      const tenant = await makeTenant(t.db, "Same millisecond");
      const createdAt = new Date("2026-02-01T08:00:00.123Z");
      const ids = ["c0000000-0000-4000-8000-000000000003", "c0000000-0000-4000-8000-000000000001", "c0000000-0000-4000-8000-000000000002"];
      await t.db.job.createMany({ data: ids.map((id) => ({ id, companyId: tenant, serviceDate: new Date("2026-02-01T00:00:00Z"), createdAt })) });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Job> = await list(tenant, { limit: "1", ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((j) => j.id));
        expect(page.items.every((j) => j.createdAt === "2026-02-01T08:00:00.123Z")).toBe(true);
        cursor = page.nextCursor;
      } while (cursor && seen.length < 10);
      expect(seen).toEqual([...ids].sort());
    });

    it("filter values are data, never SQL", async () => {
      const tenant = await makeTenant(t.db, "Quoted");
      await createJob(t.db, tenant, { serviceDate: "2026-03-15" });
      // The schema rejects these before the service sees them; the statement must not care either way.
      const hostile = { ...listJobsQuery.parse({}), customerId: "x' OR '1'='1", status: undefined };
      expect((await listJobs(t.db, tenant, hostile)).items).toEqual([]);
      expect(await t.db.job.count({ where: { companyId: tenant } })).toBe(1);
    });
  });

  it("the tenant comes from the caller, never from the body", async () => {
    // Even if a caller smuggled companyId past the schema, ownedBy() puts the tenant last.
    const smuggled = { serviceDate: "2026-03-15", companyId: t.south } as unknown as Parameters<typeof createJob>[2];
    const job = await createJob(t.db, t.north, smuggled);
    const row = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.companyId).toBe(t.north);
  });
});
