import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Partnership, PartnershipStatus, Prisma } from "@/lib/generated/prisma/client";
import { notifyChannel } from "@/lib/db/notify";
import { getCompanyOrThrow } from "./companies";
import { emitPartnershipChanged, PARTNERSHIP_CHANGED_CHANNEL } from "./events";
import type { CreatePartnershipInput, PartnershipStatusName, UpdatePartnershipInput } from "./schemas";
import { type AccessScope, companyOrVendorWhere, type OperatorScope } from "./scope";
import { getVendorOrThrow } from "./vendors";

export type PartnershipView = {
  id: string;
  vendorId: string;
  companyId: string;
  status: PartnershipStatusName;
  scopes: string[];
  createdAt: Date;
  updatedAt: Date;
};

export function toPartnershipView(p: Partnership): PartnershipView {
  return {
    id: p.id,
    vendorId: p.vendorId,
    companyId: p.companyId,
    status: p.status.toLowerCase() as PartnershipStatusName,
    scopes: p.scopes,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function toDbStatus(status: PartnershipStatusName): PartnershipStatus {
  return status.toUpperCase() as PartnershipStatus;
}

function existsConflict(existingId?: string): ConflictError {
  return new ConflictError(
    "This vendor already has a partnership with this company; change it with `partnerships update`",
    existingId ? { partnershipId: existingId } : undefined,
  );
}

async function announce(tx: Prisma.TransactionClient, p: Partnership): Promise<void> {
  await notifyChannel(tx, PARTNERSHIP_CHANGED_CHANNEL, { id: p.id, vendorId: p.vendorId, companyId: p.companyId, status: p.status });
}

/**
 * One partnership per (vendor, company). A second create for the same pair is a CONFLICT naming the
 * existing one: silently updating could re-activate a partnership the company revoked.
 */
export async function createPartnership(db: Db, _scope: OperatorScope, actor: Actor, input: CreatePartnershipInput): Promise<PartnershipView> {
  try {
    const created = await db.$transaction(async (tx) => {
      await getVendorOrThrow(tx, input.vendorId);
      await getCompanyOrThrow(tx, input.companyId);
      const existing = await tx.partnership.findUnique({ where: { vendorId_companyId: { vendorId: input.vendorId, companyId: input.companyId } } });
      if (existing) throw existsConflict(existing.id);
      const p = await tx.partnership.create({
        data: {
          vendorId: input.vendorId,
          companyId: input.companyId,
          scopes: input.scopes,
          status: toDbStatus(input.status),
          activeSince: input.status === "active" ? new Date() : null,
        },
      });
      await recordAudit(tx, {
        actor,
        action: "partnership.created",
        target: { type: "partnership", id: p.id },
        companyId: p.companyId,
        vendorId: p.vendorId,
        metadata: { status: input.status, scopes: p.scopes },
      });
      // A cache may hold "no partnership" for this pair.
      await announce(tx, p);
      return p;
    });
    emitPartnershipChanged({ id: created.id, vendorId: created.vendorId, companyId: created.companyId, status: created.status });
    return toPartnershipView(created);
  } catch (error) {
    if (isUniqueViolation(error)) throw existsConflict();
    throw error;
  }
}

/** The partnerships the scope may see, narrowed to one vendor and/or company when given. */
export async function listPartnerships(db: Db, scope: AccessScope, filter: { vendorId?: string; companyId?: string } = {}): Promise<PartnershipView[]> {
  const rows = await db.partnership.findMany({
    where: { AND: [companyOrVendorWhere(scope), { vendorId: filter.vendorId, companyId: filter.companyId }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toPartnershipView);
}

/**
 * Changes status and/or granted scopes directly: the operator's override. Companies and vendors go
 * through requests and decisions (partnership-requests.ts, partnership-decisions.ts) instead.
 * A no-op change returns the partnership without an audit event.
 */
export async function updatePartnership(db: Db, _scope: OperatorScope, actor: Actor, id: string, input: UpdatePartnershipInput): Promise<PartnershipView> {
  const { updated, changed } = await db.$transaction(async (tx) => {
    const before = await tx.partnership.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Partnership");
    const status = input.status ? toDbStatus(input.status) : before.status;
    const scopes = input.scopes ?? before.scopes;
    const changed = status !== before.status || scopes.join(",") !== before.scopes.join(",");
    if (!changed) return { updated: before, changed };
    const updated = await tx.partnership.update({ where: { id }, data: { status, scopes } });
    await recordAudit(tx, {
      actor,
      action: status === "REVOKED" && before.status !== "REVOKED" ? "partnership.revoked" : "partnership.updated",
      target: { type: "partnership", id },
      companyId: updated.companyId,
      vendorId: updated.vendorId,
      metadata: {
        from: { status: before.status.toLowerCase(), scopes: before.scopes },
        to: { status: updated.status.toLowerCase(), scopes: updated.scopes },
      },
    });
    await announce(tx, updated);
    return { updated, changed };
  });
  if (changed) {
    emitPartnershipChanged({ id: updated.id, vendorId: updated.vendorId, companyId: updated.companyId, status: updated.status });
  }
  return toPartnershipView(updated);
}
