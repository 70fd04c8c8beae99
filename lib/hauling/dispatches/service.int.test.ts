import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { deleteDriver, updateDriver } from "../drivers/service";
import { getJob } from "../jobs/service";
import { makeDispatchable, makeTenant } from "../testing/fixtures";
import { listDispatchesQuery } from "./schemas";
import { createDispatch, deleteDispatch, listDispatches, updateDispatch } from "./service";

let testDb: TestDatabase;
let db: Db;
let north: string;
let south: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  north = await makeTenant(db, "North");
  south = await makeTenant(db, "South");
});
afterAll(async () => {
  await testDb?.cleanup();
});

describe("dispatches", () => {
  it("assigns a job to a driver and a truck and moves the job to DISPATCHED", async () => {
    const { job, driver, truck } = await makeDispatchable(db, north);
    const dispatch = await createDispatch(db, north, { jobId: job.id, driverId: driver.id, truckId: truck.id, scheduledAt: "2026-03-15T07:30:00+01:00" });
    expect(dispatch).toMatchObject({ jobId: job.id, driverId: driver.id, truckId: truck.id, status: "ASSIGNED", scheduledAt: "2026-03-15T06:30:00.000Z" });
    expect((await getJob(db, north, job.id)).status).toBe("DISPATCHED");
    const byJob = await listDispatches(db, north, listDispatchesQuery.parse({ jobId: job.id }));
    expect(byJob.items.map((d) => d.id)).toEqual([dispatch.id]);
    const byDriver = await listDispatches(db, north, listDispatchesQuery.parse({ driverId: driver.id }));
    expect(byDriver.items.map((d) => d.id)).toEqual([dispatch.id]);
  });

  it.each(["jobId", "driverId", "truckId"] as const)("rejects another tenant's %s and changes nothing", async (field) => {
    const mine = await makeDispatchable(db, north);
    const theirs = await makeDispatchable(db, south);
    const body = { jobId: mine.job.id, driverId: mine.driver.id, truckId: mine.truck.id };
    const foreign = { jobId: theirs.job.id, driverId: theirs.driver.id, truckId: theirs.truck.id };
    const attempt = createDispatch(db, north, { ...body, [field]: foreign[field] });
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toThrow(`${field} does not match any`);
    expect((await getJob(db, north, mine.job.id)).status).toBe("PENDING");
    expect((await getJob(db, south, theirs.job.id)).status).toBe("PENDING");
    expect(await db.dispatch.count({ where: { jobId: { in: [mine.job.id, theirs.job.id] } } })).toBe(0);
  });

  it("rejects an inactive driver", async () => {
    const { job, driver, truck } = await makeDispatchable(db, north);
    await updateDriver(db, north, driver.id, { status: "INACTIVE" });
    await expect(createDispatch(db, north, { jobId: job.id, driverId: driver.id, truckId: truck.id })).rejects.toThrow("Driver is INACTIVE");
  });

  it("a job has one active dispatch: concurrent attempts create exactly one", async () => {
    const { job, driver, truck } = await makeDispatchable(db, north);
    const body = { jobId: job.id, driverId: driver.id, truckId: truck.id };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createDispatch(db, north, body)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await db.dispatch.count({ where: { jobId: job.id } })).toBe(1);
  });

  it("keeps the job in step: EN_ROUTE → IN_PROGRESS, CANCELLED → SCHEDULED; final dispatches are frozen", async () => {
    const { job, driver, truck } = await makeDispatchable(db, north);
    const dispatch = await createDispatch(db, north, { jobId: job.id, driverId: driver.id, truckId: truck.id });
    await updateDispatch(db, north, dispatch.id, { status: "EN_ROUTE" });
    expect((await getJob(db, north, job.id)).status).toBe("IN_PROGRESS");
    await updateDispatch(db, north, dispatch.id, { status: "CANCELLED" });
    expect((await getJob(db, north, job.id)).status).toBe("SCHEDULED");
    await expect(updateDispatch(db, north, dispatch.id, { status: "ASSIGNED" })).rejects.toThrow(ConflictError);
    // The job can be dispatched again.
    await createDispatch(db, north, { jobId: job.id, driverId: driver.id, truckId: truck.id });
    expect((await getJob(db, north, job.id)).status).toBe("DISPATCHED");
  });

  it("reassignment checks the new driver belongs to the tenant", async () => {
    const mine = await makeDispatchable(db, north);
    const theirs = await makeDispatchable(db, south);
    const dispatch = await createDispatch(db, north, { jobId: mine.job.id, driverId: mine.driver.id, truckId: mine.truck.id });
    await expect(updateDispatch(db, north, dispatch.id, { driverId: theirs.driver.id })).rejects.toThrow(InvalidInputError);
  });

  it("deleting an active dispatch frees the job; a driver with dispatches cannot be deleted", async () => {
    const { job, driver, truck } = await makeDispatchable(db, north);
    const dispatch = await createDispatch(db, north, { jobId: job.id, driverId: driver.id, truckId: truck.id });
    await expect(deleteDriver(db, north, driver.id)).rejects.toThrow(ConflictError);
    await deleteDispatch(db, north, dispatch.id);
    expect((await getJob(db, north, job.id)).status).toBe("SCHEDULED");
    expect(await deleteDriver(db, north, driver.id)).toEqual({ id: driver.id, deleted: true });
  });

  it("a completed job cannot be dispatched", async () => {
    const { job, driver, truck } = await makeDispatchable(db, north);
    await db.job.update({ where: { id: job.id }, data: { status: "COMPLETED" } });
    await expect(createDispatch(db, north, { jobId: job.id, driverId: driver.id, truckId: truck.id })).rejects.toThrow("Job is COMPLETED");
  });
});
