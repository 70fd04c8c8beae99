import { type APIRequestContext, expect, test } from "@playwright/test";
import { auth, newCompany, newKey, onDatabase } from "./pipeline-fixtures";
import { createVia, json, type Row } from "./resources-fixtures";

/**
 * GET answers of the hauling resources are cached per tenant (lib/read-cache). What a client relies
 * on: every read after a write sees the write, whoever made it, and no tenant ever sees another's.
 */
test.describe.configure({ timeout: 180_000 });

let key: string;
let otherKey: string;

test.beforeAll(async () => {
  const company = await newCompany("Read cache");
  const other = await newCompany("Read cache other");
  key = (await newKey({ company }, ["read:all", "write:all"])).key;
  otherKey = (await newKey({ company: other }, ["read:all", "write:all"])).key;
});

/** Each test uses its own service date; the companies are new on every run, so the days start empty. */
const DAY = { list: "2031-01-01", dispatch: "2031-01-02", tenants: "2031-01-03", outside: "2031-01-04" } as const;

async function read(request: APIRequestContext, apiKey: string, path: string): Promise<{ data: Row | Row[]; text: string }> {
  const response = await request.get(path, { headers: auth(apiKey) });
  const text = await response.text();
  expect(response.status(), text).toBe(200);
  return { data: (JSON.parse(text) as { data: Row | Row[] }).data, text };
}

const ids = (rows: Row | Row[]) => (Array.isArray(rows) ? rows.map((row) => row.id) : [rows.id]);

test("the day's job list follows every create, update and delete, read twice each time", async ({ request }) => {
  const day = DAY.list;
  const list = `/api/v1/jobs?date=${day}`;
  expect(ids((await read(request, key, list)).data)).toEqual([]);
  expect(ids((await read(request, key, list)).data)).toEqual([]);

  const job = await createVia(request, key, "jobs", { serviceDate: day, type: "DELIVERY", containerSize: 20 });
  for (let i = 0; i < 2; i++) expect(ids((await read(request, key, list)).data)).toEqual([job.id]);

  const patched = await request.patch(`/api/v1/jobs/${job.id}`, { headers: json(key), data: { notes: "Gate code 4321" } });
  expect(patched.status()).toBe(200);
  for (let i = 0; i < 2; i++) {
    const [row] = (await read(request, key, list)).data as Row[];
    expect(row?.notes).toBe("Gate code 4321");
    expect(((await read(request, key, `/api/v1/jobs/${job.id}`)).data as Row).notes).toBe("Gate code 4321");
  }

  expect((await request.delete(`/api/v1/jobs/${job.id}`, { headers: auth(key) })).status()).toBe(200);
  expect(ids((await read(request, key, list)).data)).toEqual([]);
  expect((await request.get(`/api/v1/jobs/${job.id}`, { headers: auth(key) })).status()).toBe(404);
});

test("a write to one resource shows in the tenant's reads of another: dispatching a job, cancelling it", async ({ request }) => {
  const job = await createVia(request, key, "jobs", { serviceDate: DAY.dispatch, type: "PICKUP", containerSize: 30 });
  const [driver, truck] = await Promise.all([createVia(request, key, "drivers"), createVia(request, key, "trucks")]);
  const path = `/api/v1/jobs/${job.id}`;
  for (let i = 0; i < 2; i++) expect(((await read(request, key, path)).data as Row).status).toBe("PENDING");
  const dispatch = await createVia(request, key, "dispatches", { jobId: job.id, driverId: driver.id, truckId: truck.id });
  expect(((await read(request, key, path)).data as Row).status).toBe("DISPATCHED");

  // Cancelling the job cancels its dispatch: the dispatch read before shows it at once.
  const dispatchPath = `/api/v1/dispatches/${dispatch.id}`;
  for (let i = 0; i < 2; i++) expect(((await read(request, key, dispatchPath)).data as Row).status).toBe("ASSIGNED");
  const cancelled = await request.patch(path, { headers: json(key), data: { status: "CANCELLED" } });
  expect(cancelled.status()).toBe(200);
  expect(((await read(request, key, dispatchPath)).data as Row).status).toBe("CANCELLED");
});

test("two tenants reading the same URL each get their own rows, however often they read", async ({ request }) => {
  const day = DAY.tenants;
  const list = `/api/v1/jobs?date=${day}`;
  const mine = await createVia(request, key, "jobs", { serviceDate: day, type: "DELIVERY", containerSize: 20 });
  const theirs = await createVia(request, otherKey, "jobs", { serviceDate: day, type: "SWAP", containerSize: 40 });
  for (let i = 0; i < 3; i++) {
    expect(ids((await read(request, key, list)).data)).toEqual([mine.id]);
    expect(ids((await read(request, otherKey, list)).data)).toEqual([theirs.id]);
  }
});

test("a change written straight to the database by another process shows in the next reads", async ({ request }) => {
  const job = await createVia(request, key, "jobs", { serviceDate: DAY.outside, type: "DELIVERY", containerSize: 20 });
  const path = `/api/v1/jobs/${job.id}`;
  for (let i = 0; i < 2; i++) expect(((await read(request, key, path)).data as Row).notes).toBeNull();
  const written = await onDatabase((client) => client.query(`UPDATE "Job" SET notes = 'Written by another system' WHERE id = $1`, [job.id]));
  test.skip(!written, "needs PostgreSQL (TEST_DATABASE_URL): the embedded database has one process, and every write goes through it");
  // The change arrives as a notification a moment after its commit: well under the 60 s cache TTL.
  await expect.poll(async () => ((await read(request, key, path)).data as Row).notes, { timeout: 5_000, intervals: [50] }).toBe("Written by another system");
});
