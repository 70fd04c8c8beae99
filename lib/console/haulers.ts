import "server-only";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { VendorScope } from "@/lib/tenancy/scope";

/** A hauler a vendor may act for in the console: an ACTIVE partnership, with what it granted. */
export type ConsoleHauler = { id: string; name: string; scopes: string[] };

const select = { scopes: true, company: { select: { id: true, name: true } } } as const;

/** The vendor's haulers with an active partnership, by name (the only ones the console offers). */
export async function activeHaulers(db: Db, scope: VendorScope): Promise<ConsoleHauler[]> {
  const rows = await db.partnership.findMany({ where: { vendorId: scope.vendorId, status: "ACTIVE" }, select, orderBy: { company: { name: "asc" } } });
  return rows.map((r) => ({ id: r.company.id, name: r.company.name, scopes: r.scopes }));
}

/** One of them, or NotFound: a hauler without an active partnership is never acted for (nor revealed). */
export async function activeHauler(db: Db, scope: VendorScope, companyId: string): Promise<ConsoleHauler> {
  const row = await db.partnership.findFirst({ where: { vendorId: scope.vendorId, companyId, status: "ACTIVE" }, select });
  if (!row) throw new NotFoundError("Hauler");
  return { id: row.company.id, name: row.company.name, scopes: row.scopes };
}
