import type { Db } from "@/lib/db/client";
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
