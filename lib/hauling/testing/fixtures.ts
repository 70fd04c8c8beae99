import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing";
import { createCustomer } from "../customers/service";
import { createDriver } from "../drivers/service";
import { createJob } from "../jobs/service";
import { createTruck } from "../trucks/service";

/** Small builders for integration tests: a tenant and the rows a dispatch needs. */
export async function makeTenant(db: Db, name: string): Promise<string> {
  return (await db.company.create({ data: { name } })).id;
}

export async function makeDispatchable(db: Db, tenantId: string, serviceDate = "2026-03-15") {
  const customer = await createCustomer(db, tenantId, { name: "Harbor Builders" });
  const job = await createJob(db, tenantId, { serviceDate, customerId: customer.id, containerSize: 20 });
  const driver = await createDriver(db, tenantId, { name: "Alex Garcia" });
  const truck = await createTruck(db, tenantId, { unitNumber: "RO-101" });
  return { customer, job, driver, truck };
}

export type TwoTenants = { db: Db; north: string; south: string };

/**
 * Registers beforeAll/afterAll for a fresh migrated database with two tenants, North and South.
 * Read the fields inside tests (they are filled in by beforeAll).
 */
export function withTwoTenants(): TwoTenants {
  const state = {} as TwoTenants & { cleanup?: () => Promise<void> };
  beforeAll(async () => {
    const testDb = await createTestDatabase();
    state.cleanup = testDb.cleanup;
    state.db = testDb.db;
    state.north = await makeTenant(state.db, "North");
    state.south = await makeTenant(state.db, "South");
  });
  afterAll(async () => {
    await state.cleanup?.();
  });
  return state;
}
