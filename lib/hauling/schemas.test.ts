import { describe, expect, it } from "vitest";
import { HAULING_RESOURCES } from "./catalog";
import { createDispatchBody } from "./dispatches/schemas";
import { createJobBody, listJobsQuery, updateJobBody } from "./jobs/schemas";

const uuid = "3f1c9a1e-8b7d-4c55-9a3e-2f64d1b0c9aa";

describe("request schemas", () => {
  it.each(HAULING_RESOURCES.map((r) => [r.resource, r] as const))("%s: bodies reject ownership and unknown fields (mass assignment)", (_, r) => {
    for (const attack of [{ companyId: uuid }, { id: uuid }, { tenantId: uuid }, { createdAt: "2020-01-01T00:00:00Z" }]) {
      const update = r.update.safeParse(attack);
      expect(update.success).toBe(false);
      expect(JSON.stringify(update.error?.issues)).toContain("unrecognized_keys");
    }
  });

  it.each(HAULING_RESOURCES.map((r) => [r.resource, r] as const))("%s: an empty PATCH body is rejected", (_, r) => {
    expect(r.update.safeParse({}).success).toBe(false);
  });

  it("jobs: service dates are real calendar days in YYYY-MM-DD", () => {
    expect(createJobBody.safeParse({ serviceDate: "2026-03-15" }).success).toBe(true);
    for (const serviceDate of ["2026-02-30", "15/03/2026", "2026-3-15", "2026-03-15T00:00:00Z", ""]) {
      expect(createJobBody.safeParse({ serviceDate }).success, serviceDate).toBe(false);
    }
  });

  it("jobs: DISPATCHED can only be reached through a dispatch", () => {
    expect(createJobBody.safeParse({ serviceDate: "2026-03-15", status: "DISPATCHED" }).success).toBe(false);
    expect(updateJobBody.safeParse({ status: "DISPATCHED" }).success).toBe(false);
    expect(updateJobBody.safeParse({ status: "CANCELLED" }).success).toBe(true);
  });

  it("jobs list: date filters are validated and from must not be after to", () => {
    expect(listJobsQuery.parse({ date: "2026-03-15" })).toMatchObject({ date: "2026-03-15", limit: 25 });
    expect(listJobsQuery.safeParse({ date: "2026-13-01" }).success).toBe(false);
    expect(listJobsQuery.safeParse({ date: "yesterday" }).success).toBe(false);
    expect(listJobsQuery.safeParse({ from: "2026-03-20", to: "2026-03-10" }).success).toBe(false);
    expect(listJobsQuery.safeParse({ status: "NOPE" }).success).toBe(false);
    expect(listJobsQuery.safeParse({ customerId: "not-a-uuid" }).success).toBe(false);
  });

  it("dispatches: job, driver and truck are required ids", () => {
    expect(createDispatchBody.safeParse({ jobId: uuid, driverId: uuid }).success).toBe(false);
    expect(createDispatchBody.safeParse({ jobId: uuid, driverId: uuid, truckId: "x" }).success).toBe(false);
    expect(createDispatchBody.safeParse({ jobId: uuid, driverId: uuid, truckId: uuid, scheduledAt: "2026-03-15T07:30:00+02:00" }).success).toBe(true);
  });
});
