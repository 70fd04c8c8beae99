import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessScope } from "@/lib/tenancy/scope";

export type AuditQuery = { companyId?: string; vendorId?: string; limit: number };

/** The events a scope may see. Events carry ids, not relations, so a company's divisions are looked up. */
async function scopeWhere(db: Db, scope: AccessScope): Promise<Prisma.AuditEventWhereInput> {
  if (scope.kind === "vendor") return { vendorId: scope.vendorId };
  if (scope.kind === "operator") return {};
  if (!scope.includeDivisions) return { companyId: scope.companyId };
  const divisions = await db.company.findMany({ where: { parentId: scope.companyId }, select: { id: true } });
  return { companyId: { in: [scope.companyId, ...divisions.map((d) => d.id)] } };
}

/** Newest first: the events in the scope, narrowed to one company or vendor when given. */
export async function listAuditEvents(db: Db, scope: AccessScope, query: AuditQuery) {
  const events = await db.auditEvent.findMany({
    where: { AND: [await scopeWhere(db, scope), { companyId: query.companyId, vendorId: query.vendorId }] },
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
