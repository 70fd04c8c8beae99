import "server-only";
import type { Db } from "@/lib/db/client";
import type { AccessScope } from "@/lib/tenancy/scope";
import { scopeWhere } from "@/lib/tenancy/scope-rows";
import { toAuditRow } from "./query";

export type AuditQuery = { companyId?: string; vendorId?: string; limit: number };

/** Newest first: the events in the scope, narrowed to one company or vendor when given. */
export async function listAuditEvents(db: Db, scope: AccessScope, query: AuditQuery) {
  const events = await db.auditEvent.findMany({
    where: { AND: [await scopeWhere(db, scope), { companyId: query.companyId, vendorId: query.vendorId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return events.map(toAuditRow);
}
