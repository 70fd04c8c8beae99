import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { CompanyScope } from "@/lib/tenancy/scope";
import type { RequestLogEntry } from "./buffer";
import { listRequestLog } from "./list";
import { requestLogWriter } from "./writer";
import { usageRange } from "./range";
import { nameIdentities } from "./identities";
import { keyUsageSeries, usageByTenant, usageReport } from "./usage";

let t: TestDatabase;
let north: string;
let south: string;
let corp: string;
const vendorId = "vendor-routeware";
const now = new Date("2026-03-15T10:20:00Z");
const company = (companyId: string, includeDivisions = false): CompanyScope => ({ kind: "company", companyId, includeDivisions });

function entry(over: Partial<RequestLogEntry>): RequestLogEntry {
  return {
    apiKeyId: "key-a",
    consoleUserId: null,
    companyId: north,
    vendorId: null,
    method: "GET",
    path: "/api/v1/jobs",
    status: 200,
    durationMs: 4,
    requestId: `req_${Math.random().toString(36).slice(2)}`,
    errorCode: null,
    scope: "read:jobs",
    createdAt: new Date("2026-03-15T09:10:00Z"),
    ...over,
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  corp = (await t.db.company.create({ data: { name: "Corp" } })).id;
  north = (await t.db.company.create({ data: { name: "North", parentId: corp } })).id;
  south = (await t.db.company.create({ data: { name: "South", parentId: corp } })).id;
  const writer = requestLogWriter(t.db);
  // Two flushes, so the roll-up adds to rows it already has.
  await writer.insert([
    entry({}),
    entry({ durationMs: 40 }),
    entry({ path: "/api/v1/jobs/3f2a", durationMs: 120 }),
    entry({ apiKeyId: "key-b", path: "/api/v1/drivers", status: 403, errorCode: "INSUFFICIENT_SCOPE", scope: null }),
    entry({ apiKeyId: "key-b", status: 429, errorCode: "RATE_LIMITED", scope: null, createdAt: new Date("2026-03-14T23:59:59.999Z") }),
  ]);
  await writer.insert([
    entry({ apiKeyId: "key-v", vendorId, method: "POST", path: "/api/v1/dispatches", status: 201, scope: "write:dispatches" }),
    entry({ apiKeyId: "key-s", companyId: south, status: 500, errorCode: "INTERNAL_ERROR" }),
    entry({ apiKeyId: null, companyId: null, status: 401, errorCode: "UNAUTHORIZED", scope: null }),
    entry({ createdAt: new Date("2026-02-01T00:00:00Z") }),
  ]);
});
afterAll(async () => {
  await t?.cleanup();
});

describe("usage report (from the hourly roll-up kept by the trigger)", () => {
  it("counts exactly the tenant's requests by outcome, endpoint, error code, key and vendor", async () => {
    const report = await usageReport(t.db, company(north), usageRange({ range: "7d" }, now));
    expect(report).toMatchObject({ from: "2026-03-09", to: "2026-03-15", granularity: "day", total: 6 });
    expect(report.outcomes).toEqual({ "2xx": 4, "4xx": 1, "429": 1, "5xx": 0 });
    expect(report.days).toEqual([
      { date: "2026-03-14", total: 1, byStatus: { "429": 1 } },
      { date: "2026-03-15", total: 5, byStatus: { "200": 3, "201": 1, "403": 1 } },
    ]);
    expect(report.series).toHaveLength(7);
    expect(report.series.at(-1)).toMatchObject({ start: "2026-03-15T00:00:00.000Z", total: 5, outcomes: { "2xx": 4, "4xx": 1, "429": 0, "5xx": 0 } });
    expect(report.endpoints).toEqual([
      { method: "GET", route: "/api/v1/jobs", total: 3, errors: 1 },
      { method: "POST", route: "/api/v1/dispatches", total: 1, errors: 0 },
      { method: "GET", route: "/api/v1/drivers", total: 1, errors: 1 },
      { method: "GET", route: "/api/v1/jobs/{id}", total: 1, errors: 0 },
    ]);
    expect(report.errorCodes).toEqual([
      { code: "INSUFFICIENT_SCOPE", total: 1 },
      { code: "RATE_LIMITED", total: 1 },
    ]);
    expect(report.identities).toEqual([
      { apiKeyId: "key-a", consoleUserId: null, vendorId: null, total: 3, errors: 0 },
      { apiKeyId: "key-b", consoleUserId: null, vendorId: null, total: 2, errors: 2 },
      { apiKeyId: "key-v", consoleUserId: null, vendorId, total: 1, errors: 0 },
    ]);
    // 6 requests: four ≤ 5 ms, one ≤ 50 ms, one ≤ 250 ms.
    expect(report.latency).toEqual({ p50Ms: 5, p95Ms: 250 });
  });

  it("by the hour over 24 h; a division admin never sees the sibling's rows; corporate sees both", async () => {
    const day = await usageReport(t.db, company(north), usageRange({ range: "24h" }, now));
    expect(day.series).toHaveLength(24);
    expect(day.series.find((p) => p.start === "2026-03-15T09:00:00.000Z")?.total).toBe(5);
    expect(day.total).toBe(6);
    const southOnly = await usageReport(t.db, company(south), usageRange({ range: "7d" }, now));
    expect(southOnly.total).toBe(1);
    expect(southOnly.identities.map((i) => i.apiKeyId)).toEqual(["key-s"]);
    const all = await usageReport(t.db, company(corp, true), usageRange({ range: "7d" }, now));
    expect(all.total).toBe(7);
  });

  it("a vendor sees only its own requests", async () => {
    const report = await usageReport(t.db, { kind: "vendor", vendorId }, usageRange({ range: "7d" }, now));
    expect(report.total).toBe(1);
    expect(report.endpoints).toEqual([{ method: "POST", route: "/api/v1/dispatches", total: 1, errors: 0 }]);
  });

  it("the roll-up agrees with the raw log row for row", async () => {
    const [raw] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ApiRequestLog" WHERE "companyId" IS NOT NULL`;
    const [hourly] = await t.db.$queryRaw<{ n: number }[]>`SELECT sum("count")::int AS n FROM "ApiUsageHourly"`;
    const [daily] = await t.db.$queryRaw<{ n: number }[]>`SELECT sum("count")::int AS n FROM "ApiUsageDaily"`;
    expect(hourly?.n).toBe(raw?.n);
    expect(daily?.n).toBe(raw?.n);
  });

  it("usageByTenant: a vendor's requests per hauler, only its own; a company's only its own", async () => {
    const range = usageRange({ range: "7d" }, now);
    expect(await usageByTenant(t.db, { kind: "vendor", vendorId }, range)).toEqual([{ companyId: north, total: 1, errors: 0 }]);
    expect(await usageByTenant(t.db, { kind: "vendor", vendorId: "another-vendor" }, range)).toEqual([]);
    expect(await usageByTenant(t.db, company(south), range)).toEqual([{ companyId: south, total: 1, errors: 1 }]);
  });

  it("keyUsageSeries: per-key daily counts for the sparkline, only within the scope", async () => {
    const series = await keyUsageSeries(t.db, company(north), ["key-a", "key-s"], 30, now);
    expect(series.get("key-a")?.total).toBe(3);
    expect(series.get("key-a")?.daily.at(-1)).toBe(3);
    expect(series.get("key-a")?.daily).toHaveLength(30);
    expect(series.get("key-s")?.total).toBe(0); // South's key, asked for from North's scope
  });
});

describe("request log list", () => {
  it("filters by key, status, error code and request id, within the scope", async () => {
    const scope = company(north);
    expect((await listRequestLog(t.db, scope, { apiKeyId: "key-b" })).items.map((r) => r.status)).toEqual([403, 429]);
    expect((await listRequestLog(t.db, scope, { status: 403 })).items).toHaveLength(1);
    expect((await listRequestLog(t.db, scope, { errorCode: "RATE_LIMITED" })).items).toHaveLength(1);
    const one = (await listRequestLog(t.db, scope, { status: 201 })).items[0];
    expect(one).toMatchObject({ method: "POST", path: "/api/v1/dispatches", vendorId, scope: "write:dispatches" });
    const found = await listRequestLog(t.db, scope, { requestId: one?.requestId });
    expect(found.items.map((r) => r.id)).toEqual([one?.id]);
    const southsRequest = (await listRequestLog(t.db, company(south), {})).items[0];
    expect(southsRequest?.companyId).toBe(south);
    expect((await listRequestLog(t.db, scope, { requestId: southsRequest?.requestId })).items).toEqual([]);
  });

  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const scope = company(north);
    const all = (await listRequestLog(t.db, scope, { limit: 100 })).items.map((r) => r.id);
    expect(all).toHaveLength(7);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRequestLog(t.db, scope, { limit: 3, cursor });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    await expect(listRequestLog(t.db, scope, { cursor: "bm9wZQ" })).rejects.toThrow(/Invalid cursor/);
  });
});

describe("console sessions in the usage report", () => {
  it("each console user is an identity of its own, named “Console (email)”, apart from the tenant's keys", async () => {
    const tenant = (await t.db.company.create({ data: { name: "Console Co" } })).id;
    const ana = await t.db.user.create({ data: { email: "ana@console.test", name: "Ana", passwordHash: "x" } });
    const bo = await t.db.user.create({ data: { email: "bo@console.test", name: "Bo", passwordHash: "x" } });
    await requestLogWriter(t.db).insert([
      entry({ companyId: tenant, apiKeyId: null, consoleUserId: ana.id }),
      entry({ companyId: tenant, apiKeyId: null, consoleUserId: ana.id, status: 403, errorCode: "INSUFFICIENT_SCOPE", scope: null }),
      entry({ companyId: tenant, apiKeyId: null, consoleUserId: bo.id }),
      entry({ companyId: tenant, apiKeyId: "key-c" }),
    ]);
    for (const range of ["24h", "7d"] as const) {
      const report = await usageReport(t.db, company(tenant), usageRange({ range }, now));
      expect(report.identities, range).toEqual(
        [
          { apiKeyId: "", consoleUserId: ana.id, vendorId: null, total: 2, errors: 1 },
          { apiKeyId: "", consoleUserId: bo.id, vendorId: null, total: 1, errors: 0 },
          { apiKeyId: "key-c", consoleUserId: null, vendorId: null, total: 1, errors: 0 },
        ].map((i) => ({ ...i, apiKeyId: i.apiKeyId || null })),
      );
      const named = await nameIdentities(t.db, report.identities);
      expect(named.map((i) => i.label)).toEqual(["Console (ana@console.test)", "Console (bo@console.test)", "Deleted key"]);
    }
  });
});
