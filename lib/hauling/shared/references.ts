import "server-only";
import { InvalidInputError } from "@/lib/errors";
import type { HaulingClient } from "./db";
import { looksLikeId } from "./ids";
import { ownedBy } from "./tenant";

/** Rows a body may point at. Each lookup carries the tenant, so another tenant's id is simply absent. */
const lookups = {
  customer: (db: HaulingClient, tenantId: string, id: string) => db.customer.count({ where: ownedBy(tenantId, { id }) }),
  site: (db: HaulingClient, tenantId: string, id: string) => db.site.count({ where: ownedBy(tenantId, { id }) }),
  material: (db: HaulingClient, tenantId: string, id: string) => db.material.count({ where: ownedBy(tenantId, { id }) }),
  yard: (db: HaulingClient, tenantId: string, id: string) => db.yard.count({ where: ownedBy(tenantId, { id }) }),
  job: (db: HaulingClient, tenantId: string, id: string) => db.job.count({ where: ownedBy(tenantId, { id }) }),
  driver: (db: HaulingClient, tenantId: string, id: string) => db.driver.count({ where: ownedBy(tenantId, { id }) }),
  truck: (db: HaulingClient, tenantId: string, id: string) => db.truck.count({ where: ownedBy(tenantId, { id }) }),
} as const;

export type RefKind = keyof typeof lookups;

/**
 * The same message whether the id is unknown or belongs to another tenant, so a foreign id
 * reveals nothing about the other tenant.
 */
export function unknownReference(field: string, kind: RefKind): InvalidInputError {
  return new InvalidInputError(`${field} does not match any ${kind} of this company`, { field });
}

/** Checks each present reference (null/undefined = "no reference") belongs to the tenant. */
export async function assertReferences(
  db: HaulingClient,
  tenantId: string,
  refs: ReadonlyArray<{ field: string; kind: RefKind; id: string | null | undefined }>,
): Promise<void> {
  for (const { field, kind, id } of refs) {
    if (id === null || id === undefined) continue;
    const found = looksLikeId(id) ? await lookups[kind](db, tenantId, id) : 0;
    if (found === 0) throw unknownReference(field, kind);
  }
}
