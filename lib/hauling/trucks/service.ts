import "server-only";
import { NotFoundError } from "@/lib/errors";
import { afterCursor, type Page, pageOrder, toPage } from "../shared/cursor";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowCreateError, rethrowWriteError } from "../shared/prisma-errors";
import { assertReferences } from "../shared/references";
import { ownedBy } from "../shared/tenant";
import { type CreateTruckBody, type ListTrucksQuery, type Truck, toTruck, type UpdateTruckBody } from "./schemas";

const LABEL = "Truck";

export async function listTrucks(db: HaulingDb, tenantId: string, query: ListTrucksQuery): Promise<Page<Truck>> {
  const filters = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.yardId ? { yardId: query.yardId } : {}),
  };
  const rows = await db.truck.findMany({
    where: { AND: [ownedBy(tenantId, filters), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toTruck);
}

export async function getTruck(db: HaulingDb, tenantId: string, id: string): Promise<Truck> {
  const row = looksLikeId(id) ? await db.truck.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toTruck(row);
}

export async function createTruck(db: HaulingDb, tenantId: string, body: CreateTruckBody): Promise<Truck> {
  await assertReferences(db, tenantId, [{ field: "yardId", kind: "yard", id: body.yardId }]);
  const row = await db.truck.create({ data: ownedBy(tenantId, body) }).catch((e: unknown) => rethrowCreateError(LABEL, e));
  return toTruck(row);
}

export async function updateTruck(db: HaulingDb, tenantId: string, id: string, body: UpdateTruckBody): Promise<Truck> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await assertReferences(db, tenantId, [{ field: "yardId", kind: "yard", id: body.yardId }]);
  const row = await db.truck.update({ where: ownedBy(tenantId, { id }), data: body }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return toTruck(row);
}

/** A truck with dispatch history cannot be deleted (409); set it INACTIVE instead. */
export async function deleteTruck(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await db.truck
    .delete({ where: ownedBy(tenantId, { id }) })
    .catch((e: unknown) => rethrowWriteError(LABEL, e, "Truck has dispatches and cannot be deleted; set its status to INACTIVE instead"));
  return deleted(id);
}
