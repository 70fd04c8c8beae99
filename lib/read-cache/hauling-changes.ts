import type { Resource } from "@/lib/scopes/catalog";

/**
 * Every insert, update or delete on a hauling table sends the row's tenant id on this channel, from
 * a trigger (prisma/migrations/*_hauling_change_notifications), whoever writes: the API on any
 * instance, the operator CLI or plain SQL. A TRUNCATE sends an empty payload (everything changed).
 */
export const HAULING_CHANGED_CHANNEL = "klau_hauling_changed";

/**
 * The resources whose GET answers may be cached: those read only from the hauling tables, which
 * all carry that trigger. Others (usage, companies/current) are always read fresh.
 */
const CACHED_RESOURCES: ReadonlySet<Resource> = new Set<Resource>([
  "jobs",
  "dispatches",
  "drivers",
  "trucks",
  "customers",
  "sites",
  "yards",
  "dump-sites",
  "materials",
]);

export function isCachedResource(resource: Resource | null): boolean {
  return resource !== null && CACHED_RESOURCES.has(resource);
}

/** The tables behind those resources (Prisma model = table name), for the trigger migration's test. */
export const HAULING_TABLES = ["Customer", "Site", "Yard", "DumpSite", "Material", "Driver", "Truck", "Job", "Dispatch"] as const;
