import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { InvalidInputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessScope } from "@/lib/tenancy/scope";
import { scopeWhere } from "@/lib/tenancy/scope-rows";

/** The audit log's filters (page form, URL and export share this schema). */
export const auditFilters = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  target: z.string().trim().max(200).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  companyId: z.string().trim().max(100).optional(),
});
export type AuditFilters = z.input<typeof auditFilters>;

export type AuditRow = {
  id: string;
  createdAt: string;
  action: string;
  actor: { userId: string | null; label: string; ip: string | null };
  target: { type: string; id: string | null };
  companyId: string | null;
  vendorId: string | null;
  metadata: unknown;
};

type Event = Prisma.AuditEventGetPayload<object>;

export function toAuditRow(e: Event): AuditRow {
  return {
    id: e.id,
    createdAt: e.createdAt.toISOString(),
    action: e.action,
    actor: { userId: e.actorUserId, label: e.actorLabel, ip: e.ip },
    target: { type: e.targetType, id: e.targetId },
    companyId: e.companyId,
    vendorId: e.vendorId,
    metadata: e.metadata,
  };
}

/** Scope first, then the filters: a filter can only narrow what the scope lets through. */
export async function auditWhere(db: Db, scope: AccessScope, filters: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const f = auditFilters.parse(filters);
  const and: Prisma.AuditEventWhereInput[] = [await scopeWhere(db, scope)];
  if (f.companyId) and.push({ companyId: f.companyId });
  if (f.actor) and.push({ OR: [{ actorLabel: { contains: f.actor, mode: "insensitive" } }, { actorUserId: f.actor }] });
  if (f.action) and.push({ action: f.action });
  if (f.target) and.push({ OR: [{ targetId: f.target }, { targetType: f.target }] });
  if (f.from) and.push({ createdAt: { gte: f.from } });
  if (f.to) and.push({ createdAt: { lt: f.to } });
  return { AND: and };
}

const CURSOR_HELP = "Invalid cursor: pass the nextCursor value of a previous page unchanged";
type Position = { createdAt: Date; id: string };

export function encodeAuditCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.createdAt.toISOString(), p.id])).toString("base64url");
}

function decodeAuditCursor(cursor: string): Position {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const createdAt = new Date(typeof at === "string" ? at : Number.NaN);
    if (typeof id === "string" && !Number.isNaN(createdAt.getTime())) return { createdAt, id };
  } catch {
    // reported below
  }
  throw new InvalidInputError(CURSOR_HELP, { field: "cursor" });
}

export function beforeCursor(cursor: string | undefined): Prisma.AuditEventWhereInput {
  if (!cursor) return {};
  const { createdAt, id } = decodeAuditCursor(cursor);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

/** One page, newest first, keyset-paginated over (createdAt, id). */
export async function listAudit(
  db: Db,
  scope: AccessScope,
  filters: AuditFilters,
  page: { cursor?: string; limit?: number } = {},
): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 1000);
  const where = await auditWhere(db, scope, filters);
  const rows = await db.auditEvent.findMany({
    where: { AND: [where, beforeCursor(page.cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(toAuditRow), nextCursor: rows.length > limit && last ? encodeAuditCursor(last) : null };
}
