import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { afterCursor, type Page, pageOrder, toPage } from "../shared/cursor";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowCreateError, rethrowWriteError } from "../shared/prisma-errors";
import { ownedBy } from "../shared/tenant";
import { assertDispatchable, claimJob, FINAL_STATUSES, syncJobStatus } from "./assignment";
import { type CreateDispatchBody, type Dispatch, type ListDispatchesQuery, toDispatch, type UpdateDispatchBody } from "./schemas";

const LABEL = "Dispatch";

function toDate(value: string | null | undefined): Date | null | undefined {
  return typeof value === "string" ? new Date(value) : value;
}

export async function listDispatches(db: HaulingDb, tenantId: string, query: ListDispatchesQuery): Promise<Page<Dispatch>> {
  const filters = {
    ...(query.jobId ? { jobId: query.jobId } : {}),
    ...(query.driverId ? { driverId: query.driverId } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const rows = await db.dispatch.findMany({
    where: { AND: [ownedBy(tenantId, filters), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toDispatch);
}

export async function getDispatch(db: HaulingDb, tenantId: string, id: string): Promise<Dispatch> {
  const row = looksLikeId(id) ? await db.dispatch.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toDispatch(row);
}

/** Assigns a job to a driver and a truck of the same tenant; the job becomes DISPATCHED atomically. */
export async function createDispatch(db: HaulingDb, tenantId: string, body: CreateDispatchBody): Promise<Dispatch> {
  // Only `tx` inside: the root client would deadlock on PGlite's single connection.
  return inTransaction(db, async (tx) => {
    await assertDispatchable(tx, tenantId, body);
    await claimJob(tx, tenantId, body.jobId);
    const data = ownedBy(tenantId, { ...body, scheduledAt: toDate(body.scheduledAt) });
    const row = await tx.dispatch.create({ data }).catch((e: unknown) => rethrowCreateError(LABEL, e));
    return toDispatch(row);
  });
}

export async function updateDispatch(db: HaulingDb, tenantId: string, id: string, body: UpdateDispatchBody): Promise<Dispatch> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  return inTransaction(db, async (tx) => {
    const current = await tx.dispatch.findFirst({ where: ownedBy(tenantId, { id }) });
    if (!current) throw new NotFoundError(LABEL);
    if (FINAL_STATUSES.includes(current.status)) throw new ConflictError(`Dispatch is ${current.status} and can no longer be changed`);
    await assertDispatchable(tx, tenantId, body);
    const data = { ...body, scheduledAt: toDate(body.scheduledAt) };
    const row = await tx.dispatch.update({ where: ownedBy(tenantId, { id }), data }).catch((e: unknown) => rethrowWriteError(LABEL, e));
    if (body.status && body.status !== current.status) await syncJobStatus(tx, tenantId, row.jobId, body.status);
    return toDispatch(row);
  });
}

/** Deleting an active dispatch frees its job (back to SCHEDULED), like cancelling it. */
export async function deleteDispatch(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  return inTransaction(db, async (tx) => {
    const row = await tx.dispatch.delete({ where: ownedBy(tenantId, { id }) }).catch((e: unknown) => rethrowWriteError(LABEL, e));
    if (!FINAL_STATUSES.includes(row.status)) await syncJobStatus(tx, tenantId, row.jobId, "CANCELLED");
    return deleted(id);
  });
}
