import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEventInput } from "./types";

/**
 * Appends one audit event. Pass the transaction client of the change being audited, so the event
 * is committed (or rolled back) together with it.
 */
export async function recordAudit(db: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorUserId: event.actor.userId,
      actorLabel: event.actor.label,
      ip: event.actor.ip ?? null,
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id ?? null,
      companyId: event.companyId ?? null,
      vendorId: event.vendorId ?? null,
      metadata: (event.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
