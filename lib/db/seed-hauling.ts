import type { Prisma } from "@/lib/generated/prisma/client";
import { pick, prng, seedId } from "./seed-ids";

/** The spec's example service date: several jobs fall on it in each division. */
export const EXAMPLE_SERVICE_DATE = "2026-03-15";

export const SEED_COUNTS = { customers: 30, sites: 12, yards: 3, dumpSites: 4, materials: 6, drivers: 30, trucks: 30, jobs: 48, dispatches: 18 };

export interface HaulingRows {
  customers: Prisma.CustomerCreateManyInput[];
  sites: Prisma.SiteCreateManyInput[];
  yards: Prisma.YardCreateManyInput[];
  dumpSites: Prisma.DumpSiteCreateManyInput[];
  materials: Prisma.MaterialCreateManyInput[];
  drivers: Prisma.DriverCreateManyInput[];
  trucks: Prisma.TruckCreateManyInput[];
  jobs: Prisma.JobCreateManyInput[];
  dispatches: Prisma.DispatchCreateManyInput[];
}

const BUSINESSES = [
  "Harbor",
  "Summit",
  "Pinecrest",
  "Riverside",
  "Granite",
  "Lakeshore",
  "Maple",
  "Ironwood",
  "Bluebird",
  "Cedar",
  "Keystone",
  "Oakridge",
  "Prairie",
  "Redstone",
  "Silverline",
];
const TRADES = ["Construction", "Builders", "Roofing", "Landscaping", "Demolition", "Renovations"];
const FIRST = ["Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Drew", "Avery", "Quinn", "Reese", "Parker", "Rowan", "Skyler"];
const LAST = ["Garcia", "Nguyen", "Smith", "Johnson", "Patel", "Kowalski", "Okafor", "Schmidt", "Rossi", "Larsen", "Haddad", "Moreno"];
const STREETS = ["Main St", "Industrial Pkwy", "Commerce Dr", "Quarry Rd", "Depot Ave", "Mill St", "Union Blvd", "Canal Rd"];
const MATERIALS = [
  { name: "Mixed C&D", unit: "ton" },
  { name: "Concrete", unit: "ton" },
  { name: "Asphalt", unit: "ton" },
  { name: "Clean Fill", unit: "yard" },
  { name: "Scrap Metal", unit: "ton" },
  { name: "Yard Waste", unit: "yard" },
] as const;
const SIZES = [10, 15, 20, 30, 40];
const JOB_TYPES = ["DELIVERY", "PICKUP", "SWAP", "DUMP_AND_RETURN", "SERVICE"] as const;

function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Demo hauling data for one division: same shape for every division, different names (seeded PRNG).
 * Jobs: 10 on 2026-03-15, 20 within a week of `today`, the rest spread over March 2026.
 */
export function haulingRows(companyId: string, division: number, label: string, today: Date): HaulingRows {
  const random = prng(division * 7919);
  const id = (kind: Parameters<typeof seedId>[0], index: number) => seedId(kind, division, index);
  const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
  const address = () => `${100 + Math.floor(random() * 9800)} ${pick(random, STREETS)}, ${label}`;

  const customers = range(SEED_COUNTS.customers).map((i) => {
    const name = `${pick(random, BUSINESSES)} ${pick(random, TRADES)} ${i}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return { id: id("customer", i), companyId, name, email: `office@${slug}.test`, phone: `555-01${String(i).padStart(2, "0")}` };
  });
  const sites = range(SEED_COUNTS.sites).map((i) => ({
    id: id("site", i),
    companyId,
    customerId: id("customer", i),
    name: `${customers[i - 1]?.name ?? "Customer"} job site`,
    address: address(),
    latitude: 40 + random(),
    longitude: -75 - random(),
  }));
  const yards = range(SEED_COUNTS.yards).map((i) => ({ id: id("yard", i), companyId, name: `${label} Yard ${i}`, address: address() }));
  const dumpSites = range(SEED_COUNTS.dumpSites).map((i) => ({
    id: id("dumpSite", i),
    companyId,
    name: `${label} Transfer Station ${i}`,
    address: address(),
  }));
  const materials = MATERIALS.map((material, i) => ({ id: id("material", i + 1), companyId, ...material }));
  const drivers = range(SEED_COUNTS.drivers).map((i) => {
    const name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    return {
      id: id("driver", i),
      companyId,
      name,
      email: `driver${i}.${label.toLowerCase()}@acme-waste.test`,
      phone: `555-02${String(i).padStart(2, "0")}`,
      licenseNumber: `CDL-${division}${String(1000 + i)}`,
      status: i > 26 ? ("INACTIVE" as const) : ("ACTIVE" as const),
    };
  });
  const trucks = range(SEED_COUNTS.trucks).map((i) => ({
    id: id("truck", i),
    companyId,
    yardId: id("yard", ((i - 1) % SEED_COUNTS.yards) + 1),
    unitNumber: `${label.slice(0, 1)}-${100 + i}`,
    type: i % 5 === 0 ? "front-load" : "roll-off",
    plate: `${label.slice(0, 2).toUpperCase()}${String(4000 + i * 7)}`,
    status: i > 27 ? ("INACTIVE" as const) : ("ACTIVE" as const),
  }));

  const todayUtc = utcDate(isoDay(today));
  const jobs = range(SEED_COUNTS.jobs).map((i) => {
    let serviceDate: Date;
    if (i <= 10) serviceDate = utcDate(EXAMPLE_SERVICE_DATE);
    else if (i <= 30) serviceDate = addDays(todayUtc, (i % 15) - 7);
    else serviceDate = utcDate(`2026-03-${String(1 + ((i * 3) % 28)).padStart(2, "0")}`);
    const past = serviceDate.getTime() < todayUtc.getTime();
    return {
      id: id("job", i),
      companyId,
      customerId: id("customer", ((i - 1) % SEED_COUNTS.customers) + 1),
      siteId: id("site", ((i - 1) % SEED_COUNTS.sites) + 1),
      materialId: id("material", ((i - 1) % MATERIALS.length) + 1),
      serviceDate,
      type: pick(random, JOB_TYPES),
      status: i <= SEED_COUNTS.dispatches ? ("DISPATCHED" as const) : past ? ("COMPLETED" as const) : ("SCHEDULED" as const),
      containerSize: pick(random, SIZES),
      notes: i % 4 === 0 ? "Call the site contact 30 minutes before arrival." : null,
    };
  });
  const dispatches = range(SEED_COUNTS.dispatches).map((i) => {
    const job = jobs[i - 1];
    const day = job ? job.serviceDate : todayUtc;
    return {
      id: id("dispatch", i),
      companyId,
      jobId: id("job", i),
      driverId: id("driver", i),
      truckId: id("truck", i),
      status: "ASSIGNED" as const,
      scheduledAt: new Date(new Date(day).getTime() + (7 + (i % 8)) * 3_600_000),
    };
  });
  return { customers, sites, yards, dumpSites, materials, drivers, trucks, jobs, dispatches };
}
