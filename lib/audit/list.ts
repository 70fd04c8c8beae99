import type { Db } from "@/lib/db/client";
import { toAuditRow } from "./query";

export type AuditQuery = { companyId?: string; vendorId?: string; limit: number };

/** Newest first; filtered by tenant or vendor when given. */
export async function listAuditEvents(db: Db, query: AuditQuery) {
  const events = await db.auditEvent.findMany({
    where: { companyId: query.companyId, vendorId: query.vendorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return events.map(toAuditRow);
}
