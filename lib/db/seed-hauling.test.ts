import { describe, expect, it } from "vitest";
import { EXAMPLE_SERVICE_DATE, haulingRows } from "./seed-hauling";
import { seedId } from "./seed-ids";

const today = new Date("2026-07-04T15:00:00Z");
const north = haulingRows("north-id", 1, "North", today);
const south = haulingRows("south-id", 2, "South", today);
const day = (date: unknown) => (date instanceof Date ? date.toISOString().slice(0, 10) : String(date));

describe("demo hauling data", () => {
  it("is deterministic: the same input gives the same rows", () => {
    expect(haulingRows("north-id", 1, "North", today)).toEqual(north);
  });

  it("uses ids that are unique across divisions and kinds and look like UUIDs", () => {
    const ids = [north, south].flatMap((rows) => Object.values(rows).flatMap((list: Array<{ id?: string }>) => list.map((row) => row.id)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seedId("job", 1, 7)).toBe("e0800001-0000-4000-8000-000000000007");
  });

  it("puts several jobs on the spec's example date and some within a week of today", () => {
    const dates = north.jobs.map((job) => day(job.serviceDate));
    expect(dates.filter((d) => d === EXAMPLE_SERVICE_DATE).length).toBeGreaterThanOrEqual(5);
    const near = dates.filter((d) => d >= "2026-06-27" && d <= "2026-07-11");
    expect(near.length).toBeGreaterThanOrEqual(10);
    expect(near).toContain("2026-07-04");
  });

  it("keeps every row in its own tenant and references only that tenant's rows", () => {
    for (const [rows, companyId] of [
      [north, "north-id"],
      [south, "south-id"],
    ] as const) {
      for (const list of Object.values(rows) as Array<Array<{ companyId: string }>>) {
        expect(list.every((row) => row.companyId === companyId)).toBe(true);
      }
      const own = new Set([...rows.jobs, ...rows.drivers, ...rows.trucks].map((row) => row.id));
      for (const dispatch of rows.dispatches) {
        expect(own.has(dispatch.jobId) && own.has(dispatch.driverId) && own.has(dispatch.truckId)).toBe(true);
      }
    }
  });
});
