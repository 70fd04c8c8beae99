import { type APIRequestContext, expect } from "@playwright/test";
import { auth } from "./pipeline-fixtures";

/** The hauling resources served under /api/v1, with a valid create body and a PATCH for each. */
export type HaulingPath = "jobs" | "dispatches" | "drivers" | "trucks" | "customers" | "sites" | "yards" | "dump-sites" | "materials";
export type Row = { id: string } & Record<string, unknown>;

export const SAMPLES: Record<Exclude<HaulingPath, "dispatches">, { create: Record<string, unknown>; patch: Record<string, unknown> }> = {
  customers: { create: { name: "Harbor Builders", email: "ops@harbor.test", phone: "555-0101" }, patch: { phone: "555-0199" } },
  sites: { create: { name: "Riverside Apartments", address: "120 Canal Rd", latitude: 40.7, longitude: -74 }, patch: { address: "122 Canal Rd" } },
  yards: { create: { name: "North Yard", address: "1 Depot Ave" }, patch: { name: "North Yard (main)" } },
  "dump-sites": { create: { name: "County Landfill", address: "9 Quarry Rd" }, patch: { name: "County Landfill East" } },
  materials: { create: { name: "Concrete", unit: "ton" }, patch: { unit: "yard" } },
  drivers: { create: { name: "Alex Garcia", licenseNumber: "CDL-1234" }, patch: { status: "INACTIVE" } },
  trucks: { create: { unitNumber: "RO-104", type: "roll-off", plate: "KLA-104" }, patch: { plate: "KLA-105" } },
  jobs: { create: { serviceDate: "2026-03-15", type: "DELIVERY", containerSize: 20 }, patch: { status: "SCHEDULED", notes: "Gate code 1234" } },
};

export const ALL_RESOURCES: HaulingPath[] = ["jobs", "dispatches", "drivers", "trucks", "customers", "sites", "yards", "dump-sites", "materials"];

export function json(key: string, extra: Record<string, string> = {}): Record<string, string> {
  return auth(key, { "content-type": "application/json", ...extra });
}

/** POST a row through the API (201) and return it. */
export async function createVia(request: APIRequestContext, key: string, path: HaulingPath, body?: Record<string, unknown>): Promise<Row> {
  const payload = body ?? (path === "dispatches" ? await dispatchBody(request, key) : SAMPLES[path].create);
  const response = await request.post(`/api/v1/${path}`, { headers: json(key), data: JSON.stringify(payload) });
  const text = await response.text();
  expect(response.status(), text).toBe(201);
  return (JSON.parse(text) as { data: Row }).data;
}

/** A job, an active driver and an active truck of the key's company, ready to dispatch. */
export async function dispatchBody(request: APIRequestContext, key: string) {
  const [job, driver, truck] = await Promise.all([createVia(request, key, "jobs"), createVia(request, key, "drivers"), createVia(request, key, "trucks")]);
  return { jobId: job.id, driverId: driver.id, truckId: truck.id };
}

export function patchFor(path: HaulingPath): Record<string, unknown> {
  return path === "dispatches" ? { scheduledAt: "2026-03-15T07:30:00.000Z" } : SAMPLES[path].patch;
}
