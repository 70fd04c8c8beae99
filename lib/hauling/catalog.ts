import type { z } from "zod";
import type { Resource } from "@/lib/scopes/catalog";
import { createCustomerBody, customerSchema, listCustomersQuery, updateCustomerBody } from "./customers/schemas";
import { createDispatchBody, dispatchSchema, listDispatchesQuery, updateDispatchBody } from "./dispatches/schemas";
import { createDriverBody, driverSchema, listDriversQuery, updateDriverBody } from "./drivers/schemas";
import { createDumpSiteBody, dumpSiteSchema, listDumpSitesQuery, updateDumpSiteBody } from "./dump-sites/schemas";
import { createJobBody, jobSchema, listJobsQuery, updateJobBody } from "./jobs/schemas";
import { createMaterialBody, listMaterialsQuery, materialSchema, updateMaterialBody } from "./materials/schemas";
import { createSiteBody, listSitesQuery, siteSchema, updateSiteBody } from "./sites/schemas";
import { createTruckBody, listTrucksQuery, truckSchema, updateTruckBody } from "./trucks/schemas";
import { createYardBody, listYardsQuery, updateYardBody, yardSchema } from "./yards/schemas";

/**
 * The tenant-scoped CRUD resources served under /api/v1/<resource>. The OpenAPI document is
 * generated from this table and the same schemas the routes parse with.
 */
export type HaulingResource = {
  resource: Resource;
  /** Singular, as used in messages ("Job not found"). */
  label: string;
  tag: string;
  description: string;
  item: z.ZodType;
  create: z.ZodType;
  update: z.ZodType;
  list: z.ZodObject;
};

export const HAULING_RESOURCES: readonly HaulingResource[] = [
  {
    resource: "jobs",
    label: "Job",
    tag: "Jobs",
    description: "Work orders with a service date: deliveries, pickups, swaps. Filter by `date=YYYY-MM-DD`, `from`/`to`, `status`, `customerId`.",
    item: jobSchema,
    create: createJobBody,
    update: updateJobBody,
    list: listJobsQuery,
  },
  {
    resource: "dispatches",
    label: "Dispatch",
    tag: "Dispatches",
    description: "Assignments of a job to a driver and a truck of the same company. Creating one moves the job to DISPATCHED.",
    item: dispatchSchema,
    create: createDispatchBody,
    update: updateDispatchBody,
    list: listDispatchesQuery,
  },
  {
    resource: "drivers",
    label: "Driver",
    tag: "Drivers",
    description: "The company's drivers.",
    item: driverSchema,
    create: createDriverBody,
    update: updateDriverBody,
    list: listDriversQuery,
  },
  {
    resource: "trucks",
    label: "Truck",
    tag: "Trucks",
    description: "The company's trucks, optionally based at a yard.",
    item: truckSchema,
    create: createTruckBody,
    update: updateTruckBody,
    list: listTrucksQuery,
  },
  {
    resource: "customers",
    label: "Customer",
    tag: "Customers",
    description: "Who the company hauls for.",
    item: customerSchema,
    create: createCustomerBody,
    update: updateCustomerBody,
    list: listCustomersQuery,
  },
  {
    resource: "sites",
    label: "Site",
    tag: "Sites",
    description: "Job sites, optionally belonging to a customer.",
    item: siteSchema,
    create: createSiteBody,
    update: updateSiteBody,
    list: listSitesQuery,
  },
  {
    resource: "yards",
    label: "Yard",
    tag: "Yards",
    description: "Where trucks and containers are kept.",
    item: yardSchema,
    create: createYardBody,
    update: updateYardBody,
    list: listYardsQuery,
  },
  {
    resource: "dump-sites",
    label: "Dump site",
    tag: "Dump sites",
    description: "Landfills and transfer stations.",
    item: dumpSiteSchema,
    create: createDumpSiteBody,
    update: updateDumpSiteBody,
    list: listDumpSitesQuery,
  },
  {
    resource: "materials",
    label: "Material",
    tag: "Materials",
    description: "What is hauled and its billing unit.",
    item: materialSchema,
    create: createMaterialBody,
    update: updateMaterialBody,
    list: listMaterialsQuery,
  },
];
