import "server-only";
import { NotFoundError } from "@/lib/errors";
import { afterCursor, type Page, pageOrder, toPage } from "../shared/cursor";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowWriteError } from "../shared/prisma-errors";
import { ownedBy } from "../shared/tenant";
import { type CreateYardBody, type ListYardsQuery, toYard, type UpdateYardBody, type Yard } from "./schemas";

const LABEL = "Yard";

export async function listYards(db: HaulingDb, tenantId: string, query: ListYardsQuery): Promise<Page<Yard>> {
  const rows = await db.yard.findMany({
    where: { AND: [ownedBy(tenantId), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toYard);
}

export async function getYard(db: HaulingDb, tenantId: string, id: string): Promise<Yard> {
  const row = looksLikeId(id) ? await db.yard.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toYard(row);
}

export async function createYard(db: HaulingDb, tenantId: string, body: CreateYardBody): Promise<Yard> {
  return toYard(await db.yard.create({ data: ownedBy(tenantId, body) }));
}

export async function updateYard(db: HaulingDb, tenantId: string, id: string, body: UpdateYardBody): Promise<Yard> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  const row = await db.yard.update({ where: ownedBy(tenantId, { id }), data: body }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return toYard(row);
}

/** Trucks based at the yard keep existing with no yard (the schema sets yardId null). */
export async function deleteYard(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await db.yard.delete({ where: ownedBy(tenantId, { id }) }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return deleted(id);
}
