import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { type SeedKind, seedId } from "../../lib/db/seed-ids";
import { auth, newKey } from "./pipeline-fixtures";
import { dispatchBody, type HaulingPath, json, patchFor, type Row } from "./resources-fixtures";
import { expectApiError } from "./security-suite";

/**
 * Division isolation on the seeded demo organisation (seed §2): a North key cannot see, change,
 * delete or reference South's rows, and the body cannot move a row to another tenant.
 */
const { north, south } = DEMO.companies;
const NORTH = 1;
const SOUTH = 2;
const KINDS: [HaulingPath, SeedKind][] = [
  ["jobs", "job"],
  ["dispatches", "dispatch"],
  ["drivers", "driver"],
  ["trucks", "truck"],
  ["customers", "customer"],
  ["sites", "site"],
  ["yards", "yard"],
  ["dump-sites", "dumpSite"],
  ["materials", "material"],
];

let northKey: string;
let southKey: string;

test.beforeAll(async () => {
  [northKey, southKey] = await Promise.all([
    newKey({ company: north.id }, ["read:all", "write:all"], "isolation north").then((k) => k.key),
    newKey({ company: south.id }, ["read:all", "write:all"], "isolation south").then((k) => k.key),
  ]);
});

for (const [path, kind] of KINDS) {
  test(`${path}: a North key gets 404 for South's row on GET, PATCH and DELETE, and the row is untouched`, async ({ request }) => {
    const southId = seedId(kind, SOUTH, 1);
    const url = `/api/v1/${path}/${southId}`;
    const before = await request.get(url, { headers: auth(southKey) });
    expect(before.status()).toBe(200);

    await expectApiError(await request.get(url, { headers: auth(northKey) }), 404, "NOT_FOUND");
    await expectApiError(await request.patch(url, { headers: json(northKey), data: JSON.stringify(patchFor(path)) }), 404, "NOT_FOUND");
    await expectApiError(await request.delete(url, { headers: auth(northKey) }), 404, "NOT_FOUND");
    // Header spoofing does not help a direct key either.
    await expectApiError(await request.get(url, { headers: auth(northKey, { "klau-tenant-id": south.id }) }), 403, "TENANT_MISMATCH");

    const after = await request.get(url, { headers: auth(southKey) });
    expect(await after.json()).toEqual(await before.json());
  });
}

test("the same seeded row looks like any unknown id: same status, same message", async ({ request }) => {
  const foreign = await request.get(`/api/v1/jobs/${seedId("job", SOUTH, 2)}`, { headers: auth(northKey) });
  const unknown = await request.get("/api/v1/jobs/00000000-0000-4000-8000-000000000000", { headers: auth(northKey) });
  const malformed = await request.get("/api/v1/jobs/not-a-uuid", { headers: auth(northKey) });
  for (const response of [foreign, unknown, malformed]) {
    expect((await expectApiError(response, 404, "NOT_FOUND")).message).toBe("Job not found");
  }
});

test("North's lists never contain South's rows", async ({ request }) => {
  for (const [path] of KINDS) {
    const response = await request.get(`/api/v1/${path}?limit=100`, { headers: auth(northKey) });
    expect(response.status()).toBe(200);
    const ids: string[] = (await response.json()).data.map((r: Row) => r.id);
    expect(ids.length, path).toBeGreaterThan(0);
    expect(
      ids.filter((id) => id.startsWith("e0") && id.slice(7, 8) === String(SOUTH)),
      path,
    ).toEqual([]);
  }
});

test("a dispatch cannot use another division's driver, truck or job", async ({ request }) => {
  const body = await dispatchBody(request, northKey);
  const jobId = body.jobId;
  for (const [field, foreign] of [
    ["driverId", seedId("driver", SOUTH, 1)],
    ["truckId", seedId("truck", SOUTH, 1)],
    ["jobId", seedId("job", SOUTH, 40)],
  ] as const) {
    const response = await request.post("/api/v1/dispatches", { headers: json(northKey), data: JSON.stringify({ ...body, [field]: foreign }) });
    const error = await expectApiError(response, 400, "BAD_REQUEST");
    expect(error.message).toBe(`${field} does not match any ${field.slice(0, -2)} of this company`);
    expect(error.field).toBe(field);
  }
  // Nothing happened to North's job.
  const unchanged = await request.get(`/api/v1/jobs/${jobId}`, { headers: auth(northKey) });
  expect((await unchanged.json()).data.status).toBe("PENDING");
});

test("references in other bodies must belong to the tenant too", async ({ request }) => {
  const cases: [HaulingPath, Record<string, unknown>][] = [
    ["jobs", { serviceDate: "2026-03-15", customerId: seedId("customer", SOUTH, 1) }],
    ["jobs", { serviceDate: "2026-03-15", siteId: seedId("site", SOUTH, 1) }],
    ["jobs", { serviceDate: "2026-03-15", materialId: seedId("material", SOUTH, 1) }],
    ["sites", { name: "x", address: "y", customerId: seedId("customer", SOUTH, 1) }],
    ["trucks", { unitNumber: "X-1", yardId: seedId("yard", SOUTH, 1) }],
  ];
  for (const [path, body] of cases) {
    const response = await request.post(`/api/v1/${path}`, { headers: json(northKey), data: JSON.stringify(body) });
    await expectApiError(response, 400, "BAD_REQUEST");
  }
});

test("mass assignment: ids and tenant fields in a body are rejected, not applied", async ({ request }) => {
  const attempts: [string, string, string, Record<string, unknown>][] = [
    ["POST", "/api/v1/jobs", "companyId", { serviceDate: "2031-01-01", companyId: south.id }],
    ["POST", "/api/v1/customers", "id", { name: "Spoof", id: "00000000-0000-4000-8000-00000000beef" }],
    ["PATCH", `/api/v1/customers/${seedId("customer", NORTH, 1)}`, "companyId", { companyId: south.id }],
    ["PATCH", `/api/v1/jobs/${seedId("job", NORTH, 1)}`, "tenantId", { notes: "x", tenantId: south.id }],
  ];
  for (const [method, url, field, data] of attempts) {
    const response = await request.fetch(url, { method, headers: json(northKey), data: JSON.stringify(data) });
    const error = await expectApiError(response, 400, "VALIDATION_ERROR");
    expect(error.message).toContain(field);
  }
  // Nothing was created on that date in either division, and North's customer still belongs to North.
  for (const key of [northKey, southKey]) {
    const jobs = await request.get("/api/v1/jobs?date=2031-01-01", { headers: auth(key) });
    expect((await jobs.json()).data).toEqual([]);
  }
  expect((await request.get(`/api/v1/customers/${seedId("customer", NORTH, 1)}`, { headers: auth(northKey) })).status()).toBe(200);
  expect((await request.get("/api/v1/customers/00000000-0000-4000-8000-00000000beef", { headers: auth(northKey) })).status()).toBe(404);
});

test("seed §3 literally: GET /api/v1/jobs?date=2026-03-15 with a vendor key and Klau-Tenant-Id", async ({ request }) => {
  const vendorKey = (await newKey({ vendor: DEMO.vendor.id }, ["read:all", "write:all"], "spec example")).key;
  const response = await request.get("/api/v1/jobs?date=2026-03-15", {
    headers: { Authorization: `Bearer ${vendorKey}`, "Klau-Tenant-Id": north.id },
  });
  expect(response.status()).toBe(200);
  const jobs: Row[] = (await response.json()).data;
  expect(jobs.length).toBeGreaterThan(0);
  for (const job of jobs) expect(job.serviceDate).toBe("2026-03-15");
  expect(jobs.some((j) => j.id.startsWith("e0800002"))).toBe(false);

  // South has no partnership with this vendor; North granted only read:jobs (not write:jobs).
  await expectApiError(
    await request.get("/api/v1/jobs?date=2026-03-15", { headers: auth(vendorKey, { "klau-tenant-id": south.id }) }),
    403,
    "TENANT_ACCESS_DENIED",
  );
  const write = await request.post("/api/v1/jobs", {
    headers: json(vendorKey, { "klau-tenant-id": north.id }),
    data: JSON.stringify({ serviceDate: "2026-03-15" }),
  });
  expect((await expectApiError(write, 403, "INSUFFICIENT_SCOPE")).requiredScope).toBe("write:jobs");
});

test("a vendor with write:dispatches assigns a North job to a North driver and truck", async ({ request }) => {
  const vendorKey = (await newKey({ vendor: DEMO.vendor.id }, ["read:all", "write:all"], "dispatcher")).key;
  const headers = auth(vendorKey, { "klau-tenant-id": north.id });
  const first = async (path: string) => ((await (await request.get(path, { headers })).json()).data as Row[])[0];
  const job = await first("/api/v1/jobs?status=PENDING&limit=1");
  const driver = await first("/api/v1/drivers?status=ACTIVE&limit=1");
  const truck = await first("/api/v1/trucks?status=ACTIVE&limit=1");
  test.skip(!job || !driver || !truck, "the seed has no pending job or active driver/truck in North");
  if (!job || !driver || !truck) return;
  const response = await request.post("/api/v1/dispatches", {
    headers: { ...headers, "content-type": "application/json" },
    data: JSON.stringify({ jobId: job.id, driverId: driver.id, truckId: truck.id }),
  });
  expect(response.status(), await response.text()).toBe(201);
  const after = await request.get(`/api/v1/jobs/${job.id}`, { headers: auth(northKey) });
  expect((await after.json()).data.status).toBe("DISPATCHED");
  // The same driver from South's point of view does not exist.
  const southView = await request.post("/api/v1/dispatches", {
    headers: json(southKey),
    data: JSON.stringify({ jobId: seedId("job", SOUTH, 40), driverId: driver.id, truckId: seedId("truck", SOUTH, 1) }),
  });
  expect((await expectApiError(southView, 400, "BAD_REQUEST")).field).toBe("driverId");
});
