import type { Db } from "@/lib/db/client";

export type AuditQuery = { companyId?: string; vendorId?: string; limit: number };

/** Newest first; filtered by tenant or vendor when given. */
export async function listAuditEvents(db: Db, query: AuditQuery) {
  const events = await db.auditEvent.findMany({
    where: { companyId: query.companyId, vendorId: query.vendorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    actor: { userId: e.actorUserId, label: e.actorLabel, ip: e.ip },
    target: { type: e.targetType, id: e.targetId },
    companyId: e.companyId,
    vendorId: e.vendorId,
    metadata: e.metadata,
    createdAt: e.createdAt,
  }));
}
