import type { Db } from "@/lib/db/client";
import type { Page } from "../shared/cursor";
import * as customers from "../customers/service";
import * as dispatches from "../dispatches/service";
import * as drivers from "../drivers/service";
import * as dumpSites from "../dump-sites/service";
import * as jobs from "../jobs/service";
import * as materials from "../materials/service";
import * as sites from "../sites/service";
import * as trucks from "../trucks/service";
import * as yards from "../yards/service";
import { makeDispatchable } from "./fixtures";

type Row = { id: string };

/**
 * Every hauling resource behind one interface, so the same isolation and pagination cases run
 * against each (unkey's runCommonRouteTests idea, at the service level).
 */
export type ResourceCase = {
  resource: string;
  label: string;
  make(db: Db, tenantId: string): Promise<Row>;
  get(db: Db, tenantId: string, id: string): Promise<Row>;
  patch(db: Db, tenantId: string, id: string): Promise<Row>;
  remove(db: Db, tenantId: string, id: string): Promise<unknown>;
  list(db: Db, tenantId: string, page: { limit: number; cursor?: string }): Promise<Page<Row>>;
};

let n = 0;
const next = () => ++n;

export const RESOURCE_CASES: ResourceCase[] = [
  {
    resource: "customers",
    label: "Customer",
    make: (db, t) => customers.createCustomer(db, t, { name: `Customer ${next()}` }),
    get: customers.getCustomer,
    patch: (db, t, id) => customers.updateCustomer(db, t, id, { phone: "555-0100" }),
    remove: customers.deleteCustomer,
    list: customers.listCustomers,
  },
  {
    resource: "sites",
    label: "Site",
    make: (db, t) => sites.createSite(db, t, { name: `Site ${next()}`, address: "1 Main St" }),
    get: sites.getSite,
    patch: (db, t, id) => sites.updateSite(db, t, id, { address: "2 Main St" }),
    remove: sites.deleteSite,
    list: sites.listSites,
  },
  {
    resource: "yards",
    label: "Yard",
    make: (db, t) => yards.createYard(db, t, { name: `Yard ${next()}`, address: "1 Depot Ave" }),
    get: yards.getYard,
    patch: (db, t, id) => yards.updateYard(db, t, id, { name: "Renamed" }),
    remove: yards.deleteYard,
    list: yards.listYards,
  },
  {
    resource: "dump-sites",
    label: "Dump site",
    make: (db, t) => dumpSites.createDumpSite(db, t, { name: `Landfill ${next()}`, address: "9 Quarry Rd" }),
    get: dumpSites.getDumpSite,
    patch: (db, t, id) => dumpSites.updateDumpSite(db, t, id, { name: "Renamed" }),
    remove: dumpSites.deleteDumpSite,
    list: dumpSites.listDumpSites,
  },
  {
    resource: "materials",
    label: "Material",
    make: (db, t) => materials.createMaterial(db, t, { name: `Material ${next()}` }),
    get: materials.getMaterial,
    patch: (db, t, id) => materials.updateMaterial(db, t, id, { unit: "yard" }),
    remove: materials.deleteMaterial,
    list: materials.listMaterials,
  },
  {
    resource: "drivers",
    label: "Driver",
    make: (db, t) => drivers.createDriver(db, t, { name: `Driver ${next()}` }),
    get: drivers.getDriver,
    patch: (db, t, id) => drivers.updateDriver(db, t, id, { status: "INACTIVE" }),
    remove: drivers.deleteDriver,
    list: drivers.listDrivers,
  },
  {
    resource: "trucks",
    label: "Truck",
    make: (db, t) => trucks.createTruck(db, t, { unitNumber: `RO-${next()}` }),
    get: trucks.getTruck,
    patch: (db, t, id) => trucks.updateTruck(db, t, id, { plate: "ABC-123" }),
    remove: trucks.deleteTruck,
    list: trucks.listTrucks,
  },
  {
    resource: "jobs",
    label: "Job",
    make: (db, t) => jobs.createJob(db, t, { serviceDate: "2026-03-15" }),
    get: jobs.getJob,
    patch: (db, t, id) => jobs.updateJob(db, t, id, { notes: "Gate code 1234" }),
    remove: jobs.deleteJob,
    list: jobs.listJobs,
  },
  {
    resource: "dispatches",
    label: "Dispatch",
    make: async (db, t) => {
      const { job, driver, truck } = await makeDispatchable(db, t);
      return dispatches.createDispatch(db, t, { jobId: job.id, driverId: driver.id, truckId: truck.id });
    },
    get: dispatches.getDispatch,
    patch: (db, t, id) => dispatches.updateDispatch(db, t, id, { scheduledAt: "2026-03-15T07:30:00Z" }),
    remove: dispatches.deleteDispatch,
    list: dispatches.listDispatches,
  },
];
