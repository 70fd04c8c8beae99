import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/types";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { NotFoundError } from "@/lib/errors";
import { createCompany } from "@/lib/tenancy/companies";
import { type CompanyScope, operatorScope } from "@/lib/tenancy/scope";
import { getKeyDetail, KEY_PAGE_SIZE, listKeyPage, RECENT_REQUESTS } from "./queries";
import { KEY_STATUSES, keyStatus, statusWhere } from "./status";

let t: TestDatabase;
let corp: string;
let north: string;
let south: string;
const now = new Date();
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

async function insertKey(companyId: string, name: string, fields: { revokedAt?: Date | null; expiresAt?: Date | null; createdAt?: Date } = {}) {
  return t.db.apiKey.create({
    data: {
      kind: "DIRECT",
      companyId,
      name,
      prefix: "kl_live_ab12",
      last4: "wxyz",
      hash: randomUUID(),
      scopes: ["read:jobs"],
      revokedAt: fields.revokedAt ?? null,
      expiresAt: fields.expiresAt ?? null,
      createdAt: fields.createdAt ?? now,
    },
  });
}

const scopeOf = (companyId: string, includeDivisions = false): CompanyScope => ({ kind: "company", companyId, includeDivisions });

beforeAll(async () => {
  t = await createTestDatabase();
  corp = (await createCompany(t.db, operatorScope(), CLI_ACTOR, { name: "Corp" })).id;
  north = (await createCompany(t.db, operatorScope(), CLI_ACTOR, { name: "North", parentId: corp })).id;
  south = (await createCompany(t.db, operatorScope(), CLI_ACTOR, { name: "South", parentId: corp })).id;
  // One key in each state, in North.
  await insertKey(north, "Active", { expiresAt: hours(24 * 30) });
  await insertKey(north, "Expiring", { expiresAt: hours(24 * 3) });
  await insertKey(north, "Retiring", { revokedAt: hours(1) });
  await insertKey(north, "Expired", { expiresAt: hours(-1) });
  await insertKey(north, "Revoked", { revokedAt: hours(-1) });
  await insertKey(south, "South key");
  await insertKey(corp, "Corporate key");
});
afterAll(async () => {
  await t?.cleanup();
});

describe("listKeyPage", () => {
  it("hides revoked keys by default and filters by each status with the same rules as keyStatus", async () => {
    const current = await listKeyPage(t.db, scopeOf(north), {}, now);
    expect(current.rows.map((r) => r.name).sort()).toEqual(["Active", "Expired", "Expiring", "Retiring"]);
    for (const status of KEY_STATUSES) {
      const page = await listKeyPage(t.db, scopeOf(north), { status }, now);
      expect(
        page.rows.map((r) => r.name),
        status,
      ).toEqual([status.charAt(0).toUpperCase() + status.slice(1)]);
      expect(page.rows[0]?.status).toBe(status);
    }
    expect((await listKeyPage(t.db, scopeOf(north), { status: "all" }, now)).total).toBe(5);
  });

  it("statusWhere and keyStatus agree on every key", async () => {
    const keys = await t.db.apiKey.findMany({ where: { companyId: north } });
    for (const status of KEY_STATUSES) {
      const ids = (await t.db.apiKey.findMany({ where: { AND: [{ companyId: north }, statusWhere(status, now)] } })).map((k) => k.id);
      expect(ids.sort(), status).toEqual(
        keys
          .filter((k) => keyStatus(k, now) === status)
          .map((k) => k.id)
          .sort(),
      );
    }
  });

  it("searches names case-insensitively", async () => {
    const page = await listKeyPage(t.db, scopeOf(north), { search: "EXPIR", status: "all" }, now);
    expect(page.rows.map((r) => r.name).sort()).toEqual(["Expired", "Expiring"]);
  });

  it("a division's scope never lists another division's or the parent's keys", async () => {
    const page = await listKeyPage(t.db, scopeOf(south), { status: "all" }, now);
    expect(page.rows.map((r) => r.name)).toEqual(["South key"]);
    // Even when asking for North by company filter.
    expect((await listKeyPage(t.db, scopeOf(south), { status: "all", companyId: north }, now)).total).toBe(0);
  });

  it("All divisions: the corporate scope lists the company and every division, filterable by division", async () => {
    const all = await listKeyPage(t.db, scopeOf(corp, true), { status: "all" }, now);
    expect(all.total).toBe(7);
    expect(new Set(all.rows.map((r) => r.company.name))).toEqual(new Set(["Corp", "North", "South"]));
    const onlySouth = await listKeyPage(t.db, scopeOf(corp, true), { status: "all", companyId: south }, now);
    expect(onlySouth.rows.map((r) => r.name)).toEqual(["South key"]);
    // Without includeDivisions the corporate company sees its own keys only.
    expect((await listKeyPage(t.db, scopeOf(corp), { status: "all" }, now)).rows.map((r) => r.name)).toEqual(["Corporate key"]);
  });

  it("pages newest first, and a page past the end shows the last page", async () => {
    const company = (await createCompany(t.db, operatorScope(), CLI_ACTOR, { name: "Many" })).id;
    const count = KEY_PAGE_SIZE * 2 + 3;
    await t.db.apiKey.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        kind: "DIRECT" as const,
        companyId: company,
        name: `Key ${String(i).padStart(3, "0")}`,
        prefix: "kl_live_ab12",
        last4: "wxyz",
        hash: randomUUID(),
        scopes: ["read:all"],
        createdAt: new Date(now.getTime() - (count - i) * 1000),
      })),
    });
    const first = await listKeyPage(t.db, scopeOf(company), {}, now);
    expect(first).toMatchObject({ total: count, page: 1, pageCount: 3 });
    expect(first.rows[0]?.name).toBe(`Key ${String(count - 1).padStart(3, "0")}`);
    const last = await listKeyPage(t.db, scopeOf(company), { page: 99 }, now);
    expect(last.page).toBe(3);
    expect(last.rows).toHaveLength(3);
    expect(last.rows.at(-1)?.name).toBe("Key 000");
  });
});

describe("getKeyDetail", () => {
  it("returns the last 20 requests of the key, newest first", async () => {
    const key = await insertKey(north, "Busy");
    const other = await insertKey(north, "Other");
    await t.db.apiRequestLog.createMany({
      data: [
        ...Array.from({ length: 25 }, (_, i) => ({
          apiKeyId: key.id,
          companyId: north,
          method: "GET",
          path: `/api/v1/jobs/${i}`,
          status: 200,
          durationMs: 3,
          requestId: `req_${i}`,
          createdAt: new Date(now.getTime() + i * 1000),
        })),
        { apiKeyId: other.id, companyId: north, method: "GET", path: "/api/v1/other", status: 200, durationMs: 1, requestId: "req_other" },
      ],
    });
    const detail = await getKeyDetail(t.db, scopeOf(north), key.id, now);
    expect(detail.recentRequests).toHaveLength(RECENT_REQUESTS);
    expect(detail.recentRequests[0]).toMatchObject({ path: "/api/v1/jobs/24", requestId: "req_24", method: "GET", status: 200 });
    expect(detail.recentRequests.map((r) => r.requestId)).not.toContain("req_other");
  });

  it("a key outside the scope is not found, even for its parent company without All divisions", async () => {
    const key = await insertKey(north, "Hidden");
    await expect(getKeyDetail(t.db, scopeOf(south), key.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getKeyDetail(t.db, scopeOf(corp), key.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getKeyDetail(t.db, scopeOf(corp, true), key.id)).resolves.toMatchObject({ name: "Hidden" });
    await expect(getKeyDetail(t.db, scopeOf(north), "not-a-key")).rejects.toBeInstanceOf(NotFoundError);
  });
});
