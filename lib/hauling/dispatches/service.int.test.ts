import { describe, expect, it } from "vitest";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { deleteDriver, updateDriver } from "../drivers/service";
import { getJob, updateJob } from "../jobs/service";
import { makeDispatchable, withTwoTenants } from "../testing/fixtures";
import { listDispatchesQuery } from "./schemas";
import { createDispatch, deleteDispatch, getDispatch, listDispatches, updateDispatch } from "./service";

const t = withTwoTenants();

describe("dispatches", () => {
  it("assigns a job to a driver and a truck and moves the job to DISPATCHED", async () => {
    const { job, driver, truck } = await makeDispatchable(t.db, t.north);
    const dispatch = await createDispatch(t.db, t.north, { jobId: job.id, driverId: driver.id, truckId: truck.id, scheduledAt: "2026-03-15T07:30:00+01:00" });
    expect(dispatch).toMatchObject({ jobId: job.id, driverId: driver.id, truckId: truck.id, status: "ASSIGNED", scheduledAt: "2026-03-15T06:30:00.000Z" });
    expect((await getJob(t.db, t.north, job.id)).status).toBe("DISPATCHED");
    const byJob = await listDispatches(t.db, t.north, listDispatchesQuery.parse({ jobId: job.id }));
    expect(byJob.items.map((d) => d.id)).toEqual([dispatch.id]);
    const byDriver = await listDispatches(t.db, t.north, listDispatchesQuery.parse({ driverId: driver.id }));
    expect(byDriver.items.map((d) => d.id)).toEqual([dispatch.id]);
  });

  it.each(["jobId", "driverId", "truckId"] as const)("rejects another tenant's %s and changes nothing", async (field) => {
    const mine = await makeDispatchable(t.db, t.north);
    const theirs = await makeDispatchable(t.db, t.south);
    const body = { jobId: mine.job.id, driverId: mine.driver.id, truckId: mine.truck.id };
    const foreign = { jobId: theirs.job.id, driverId: theirs.driver.id, truckId: theirs.truck.id };
    const attempt = createDispatch(t.db, t.north, { ...body, [field]: foreign[field] });
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toThrow(`${field} does not match any`);
    expect((await getJob(t.db, t.north, mine.job.id)).status).toBe("PENDING");
    expect((await getJob(t.db, t.south, theirs.job.id)).status).toBe("PENDING");
    expect(await t.db.dispatch.count({ where: { jobId: { in: [mine.job.id, theirs.job.id] } } })).toBe(0);
  });

  it("rejects an inactive driver", async () => {
    const { job, driver, truck } = await makeDispatchable(t.db, t.north);
    await updateDriver(t.db, t.north, driver.id, { status: "INACTIVE" });
    await expect(createDispatch(t.db, t.north, { jobId: job.id, driverId: driver.id, truckId: truck.id })).rejects.toThrow("Driver is INACTIVE");
  });

  it("a job has one active dispatch: concurrent attempts create exactly one", async () => {
    const { job, driver, truck } = await makeDispatchable(t.db, t.north);
    const body = { jobId: job.id, driverId: driver.id, truckId: truck.id };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createDispatch(t.db, t.north, body)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await t.db.dispatch.count({ where: { jobId: job.id } })).toBe(1);
  });

  it("keeps the job in step: EN_ROUTE → IN_PROGRESS, CANCELLED → SCHEDULED; final dispatches are frozen", async () => {
    const { job, driver, truck } = await makeDispatchable(t.db, t.north);
    const dispatch = await createDispatch(t.db, t.north, { jobId: job.id, driverId: driver.id, truckId: truck.id });
    await updateDispatch(t.db, t.north, dispatch.id, { status: "EN_ROUTE" });
    expect((await getJob(t.db, t.north, job.id)).status).toBe("IN_PROGRESS");
    await updateDispatch(t.db, t.north, dispatch.id, { status: "CANCELLED" });
    expect((await getJob(t.db, t.north, job.id)).status).toBe("SCHEDULED");
    await expect(updateDispatch(t.db, t.north, dispatch.id, { status: "ASSIGNED" })).rejects.toThrow(ConflictError);
    // The job can be dispatched again.
    await createDispatch(t.db, t.north, { jobId: job.id, driverId: driver.id, truckId: truck.id });
    expect((await getJob(t.db, t.north, job.id)).status).toBe("DISPATCHED");
  });

  it("cancelling a job cancels its active dispatch, and only its own", async () => {
    const mine = await makeDispatchable(t.db, t.north);
    const other = await makeDispatchable(t.db, t.north);
    const dispatch = await createDispatch(t.db, t.north, { jobId: mine.job.id, driverId: mine.driver.id, truckId: mine.truck.id });
    const untouched = await createDispatch(t.db, t.north, { jobId: other.job.id, driverId: other.driver.id, truckId: other.truck.id });
    await updateDispatch(t.db, t.north, dispatch.id, { status: "EN_ROUTE" });
    expect((await updateJob(t.db, t.north, mine.job.id, { status: "CANCELLED" })).status).toBe("CANCELLED");
    expect((await getDispatch(t.db, t.north, dispatch.id)).status).toBe("CANCELLED");
    expect((await getDispatch(t.db, t.north, untouched.id)).status).toBe("ASSIGNED");
    // A job that fails to update (unknown id) cancels nothing.
    await expect(updateJob(t.db, t.north, "00000000-0000-4000-8000-000000000000", { status: "CANCELLED" })).rejects.toThrow("Job not found");
    expect((await getDispatch(t.db, t.north, untouched.id)).status).toBe("ASSIGNED");
  });

  it("reassignment checks the new driver belongs to the tenant", async () => {
    const mine = await makeDispatchable(t.db, t.north);
    const theirs = await makeDispatchable(t.db, t.south);
    const dispatch = await createDispatch(t.db, t.north, { jobId: mine.job.id, driverId: mine.driver.id, truckId: mine.truck.id });
    await expect(updateDispatch(t.db, t.north, dispatch.id, { driverId: theirs.driver.id })).rejects.toThrow(InvalidInputError);
  });

  it("deleting an active dispatch frees the job; a driver with dispatches cannot be deleted", async () => {
    const { job, driver, truck } = await makeDispatchable(t.db, t.north);
    const dispatch = await createDispatch(t.db, t.north, { jobId: job.id, driverId: driver.id, truckId: truck.id });
    await expect(deleteDriver(t.db, t.north, driver.id)).rejects.toThrow(ConflictError);
    await deleteDispatch(t.db, t.north, dispatch.id);
    expect((await getJob(t.db, t.north, job.id)).status).toBe("SCHEDULED");
    expect(await deleteDriver(t.db, t.north, driver.id)).toEqual({ id: driver.id, deleted: true });
  });

  it("a completed job cannot be dispatched", async () => {
    const { job, driver, truck } = await makeDispatchable(t.db, t.north);
    await t.db.job.update({ where: { id: job.id }, data: { status: "COMPLETED" } });
    await expect(createDispatch(t.db, t.north, { jobId: job.id, driverId: driver.id, truckId: truck.id })).rejects.toThrow("Job is COMPLETED");
  });
});
