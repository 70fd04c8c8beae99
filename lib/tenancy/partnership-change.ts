import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor, AuditAction } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { notifyChannel } from "@/lib/db/notify";
import { NotFoundError } from "@/lib/errors";
import type { Company, Partnership, PartnershipRequest, PartnershipStatus, Prisma } from "@/lib/generated/prisma/client";
import { emitPartnershipChanged, PARTNERSHIP_CHANGED_CHANNEL } from "./events";
import { type AccessScope, companyInScope } from "./scope";

/**
 * The one path every partnership change takes: load the row inside the caller's scope (outside it
 * is NotFound), lock it, write the change and its audit event (before/after status and scopes) in
 * one transaction, NOTIFY other instances in that transaction and, after the commit, tell this
 * process's caches. So a change applies to the vendor's next API request on every instance.
 */
export type Tx = Prisma.TransactionClient;
export type LoadedPartnership = Partnership & { company: Pick<Company, "id" | "name" | "parentId"> };
export type Changed = (p: Partnership) => void;

export function inScope(scope: AccessScope, p: { vendorId: string; companyId: string; company: { parentId: string | null } }): boolean {
  if (scope.kind === "operator") return true;
  if (scope.kind === "vendor") return p.vendorId === scope.vendorId;
  return companyInScope(scope, { id: p.companyId, parentId: p.company.parentId });
}

/** The partnership, locked for this transaction, if the scope may see it. */
export async function lockPartnership(tx: Tx, scope: AccessScope, id: string): Promise<LoadedPartnership> {
  // Row lock first: two decisions on one partnership run one after the other, never interleaved.
  await tx.$executeRaw`SELECT 1 FROM "Partnership" WHERE "id" = ${id} FOR UPDATE`;
  const p = await tx.partnership.findUnique({ where: { id }, include: { company: { select: { id: true, name: true, parentId: true } } } });
  if (!p || !inScope(scope, p)) throw new NotFoundError("Partnership");
  return p;
}

/** A request and its (locked) partnership, if the scope may see them. */
export async function lockRequest(tx: Tx, scope: AccessScope, requestId: string): Promise<{ request: PartnershipRequest; partnership: LoadedPartnership }> {
  const found = await tx.partnershipRequest.findUnique({ where: { id: requestId }, select: { partnershipId: true } });
  if (!found) throw new NotFoundError("Partnership request");
  const partnership = await lockPartnership(tx, scope, found.partnershipId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("Partnership request") : error;
  });
  const request = await tx.partnershipRequest.findUniqueOrThrow({ where: { id: requestId } });
  return { request, partnership };
}

export type PartnershipChange = {
  status?: PartnershipStatus;
  scopes?: string[];
  closedAs?: string | null;
  openedAt?: Date;
  activeSince?: Date | null;
};

const stateOf = (p: Pick<Partnership, "status" | "scopes">) => ({ status: p.status.toLowerCase(), scopes: p.scopes });

/** Applies `change`, audits it as `action` with before/after and `details`, and announces it. */
export async function changePartnership(
  tx: Tx,
  actor: Actor,
  before: Partnership,
  change: PartnershipChange,
  action: AuditAction,
  details: Record<string, unknown>,
  changed: Changed,
): Promise<Partnership> {
  const after = await tx.partnership.update({ where: { id: before.id }, data: change });
  await recordAudit(tx, {
    actor,
    action,
    target: { type: "partnership", id: before.id },
    companyId: before.companyId,
    vendorId: before.vendorId,
    metadata: { ...details, before: stateOf(before), after: stateOf(after) },
  });
  await notifyChannel(tx, PARTNERSHIP_CHANGED_CHANNEL, { id: after.id, vendorId: after.vendorId, companyId: after.companyId, status: after.status });
  changed(after);
  return after;
}

/** Runs `work` in a transaction; partnerships it changed are announced in-process after the commit. */
export async function partnershipTransaction<T>(db: Db, work: (tx: Tx, changed: Changed) => Promise<T>): Promise<T> {
  const changes: Partnership[] = [];
  const result = await db.$transaction((tx) => work(tx, (p) => changes.push(p)));
  for (const p of changes) emitPartnershipChanged({ id: p.id, vendorId: p.vendorId, companyId: p.companyId, status: p.status });
  return result;
}

/** Open requests of a partnership that ended: closed so that nobody decides on them later. */
export async function cancelOpenRequests(tx: Tx, partnershipId: string, actor: Actor): Promise<void> {
  await tx.partnershipRequest.updateMany({
    where: { partnershipId, status: "PENDING" },
    data: { status: "CANCELLED", decidedAt: new Date(), decidedByLabel: actor.label },
  });
}

/** Scopes in `a` and not in `b`, order of `a`. */
export function without(a: readonly string[], b: readonly string[]): string[] {
  const drop = new Set(b);
  return a.filter((s) => !drop.has(s));
}

/** `a` then whatever of `b` is not in it. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...a, ...without(b, a)];
}
