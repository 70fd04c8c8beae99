import "server-only";
import { NotFoundError } from "@/lib/errors";
import { afterCursor, type Page, pageOrder, toPage } from "../shared/cursor";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowWriteError } from "../shared/prisma-errors";
import { ownedBy } from "../shared/tenant";
import { type CreateDriverBody, type Driver, type ListDriversQuery, toDriver, type UpdateDriverBody } from "./schemas";

const LABEL = "Driver";

export async function listDrivers(db: HaulingDb, tenantId: string, query: ListDriversQuery): Promise<Page<Driver>> {
  const filters = query.status ? { status: query.status } : {};
  const rows = await db.driver.findMany({
    where: { AND: [ownedBy(tenantId, filters), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toDriver);
}

export async function getDriver(db: HaulingDb, tenantId: string, id: string): Promise<Driver> {
  const row = looksLikeId(id) ? await db.driver.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toDriver(row);
}

export async function createDriver(db: HaulingDb, tenantId: string, body: CreateDriverBody): Promise<Driver> {
  return toDriver(await db.driver.create({ data: ownedBy(tenantId, body) }));
}

export async function updateDriver(db: HaulingDb, tenantId: string, id: string, body: UpdateDriverBody): Promise<Driver> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  const row = await db.driver.update({ where: ownedBy(tenantId, { id }), data: body }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return toDriver(row);
}

/** A driver with dispatch history cannot be deleted (409): history stays intact; set INACTIVE instead. */
export async function deleteDriver(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await db.driver
    .delete({ where: ownedBy(tenantId, { id }) })
    .catch((e: unknown) => rethrowWriteError(LABEL, e, "Driver has dispatches and cannot be deleted; set its status to INACTIVE instead"));
  return deleted(id);
}
