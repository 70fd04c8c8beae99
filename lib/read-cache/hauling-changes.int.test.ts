import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { createDispatchBody } from "@/lib/hauling/dispatches/schemas";
import { createDispatch } from "@/lib/hauling/dispatches/service";
import { createDumpSiteBody } from "@/lib/hauling/dump-sites/schemas";
import { createDumpSite } from "@/lib/hauling/dump-sites/service";
import { updateJobBody } from "@/lib/hauling/jobs/schemas";
import { deleteJob, updateJob } from "@/lib/hauling/jobs/service";
import { createMaterialBody } from "@/lib/hauling/materials/schemas";
import { createMaterial } from "@/lib/hauling/materials/service";
import { createSiteBody } from "@/lib/hauling/sites/schemas";
import { createSite } from "@/lib/hauling/sites/service";
import { makeDispatchable, makeTenant } from "@/lib/hauling/testing/fixtures";
import { createYardBody } from "@/lib/hauling/yards/schemas";
import { createYard } from "@/lib/hauling/yards/service";
import { HAULING_CHANGED_CHANNEL, HAULING_TABLES } from "./hauling-changes";

// Tables that carry a companyId but are not hauling data (access, audit, logs): no trigger.
const NOT_HAULING = ["ApiKey", "ApiRequestLog", "ApiUsageDaily", "ApiUsageHourly", "AuditEvent", "Membership", "Partnership"];

let t: TestDatabase;
const received: string[] = [];

/** The payloads notified by `write` (delivery is asynchronous on PostgreSQL). */
async function notifiedBy(write: () => Promise<unknown>): Promise<string[]> {
  received.length = 0;
  await write();
  const deadline = Date.now() + 5000;
  while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  await new Promise((resolve) => setTimeout(resolve, 50)); // anything else from the same commit
  return [...new Set(received)].sort();
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.listen(HAULING_CHANGED_CHANNEL, (payload) => received.push(payload));
});

afterAll(async () => {
  await t?.cleanup();
});

describe("hauling change notifications (trigger on every hauling table)", () => {
  it("every table with tenant-owned hauling rows has the trigger, and only those", async () => {
    const owned = await t.db.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'companyId' ORDER BY 1`,
    );
    const triggered = await t.db.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT DISTINCT event_object_table AS table_name FROM information_schema.triggers WHERE trigger_name = 'klau_hauling_changed' ORDER BY 1`,
    );
    const hauling = owned.map((row) => row.table_name).filter((name) => !NOT_HAULING.includes(name));
    expect(triggered.map((row) => row.table_name)).toEqual(hauling);
    expect([...HAULING_TABLES].sort()).toEqual(hauling);
  });

  it("inserts, updates and deletes notify the tenant whose rows changed, whichever table", async () => {
    const north = await makeTenant(t.db, "North");
    const south = await makeTenant(t.db, "South");
    let rows!: Awaited<ReturnType<typeof makeDispatchable>>;
    expect(await notifiedBy(async () => (rows = await makeDispatchable(t.db, north)))).toEqual([north]);
    expect(await notifiedBy(() => createSite(t.db, south, createSiteBody.parse({ name: "Dock 4", address: "1 Pier" })))).toEqual([south]);
    expect(await notifiedBy(() => createYard(t.db, north, createYardBody.parse({ name: "Main yard", address: "2 Depot Rd" })))).toEqual([north]);
    expect(await notifiedBy(() => createDumpSite(t.db, south, createDumpSiteBody.parse({ name: "Landfill", address: "9 Quarry Ln" })))).toEqual([south]);
    expect(await notifiedBy(() => createMaterial(t.db, north, createMaterialBody.parse({ name: "Concrete" })))).toEqual([north]);
    expect(
      await notifiedBy(() => createDispatch(t.db, north, createDispatchBody.parse({ jobId: rows.job.id, driverId: rows.driver.id, truckId: rows.truck.id }))),
    ).toEqual([north]);
    expect(await notifiedBy(() => updateJob(t.db, north, rows.job.id, updateJobBody.parse({ containerSize: 30 })))).toEqual([north]);
    expect(await notifiedBy(() => deleteJob(t.db, north, rows.job.id))).toEqual([north]);
  });

  it("plain SQL from outside the app is seen too, and a TRUNCATE says 'everything'", async () => {
    const east = await makeTenant(t.db, "East");
    expect(
      await notifiedBy(() =>
        t.db.$executeRawUnsafe(`INSERT INTO "Driver" (id, "companyId", name, "updatedAt") VALUES (gen_random_uuid()::text, $1, 'Sam', now())`, east),
      ),
    ).toEqual([east]);
    expect(await notifiedBy(() => t.db.$executeRawUnsafe(`TRUNCATE "Dispatch"`))).toEqual([""]);
  });
});
