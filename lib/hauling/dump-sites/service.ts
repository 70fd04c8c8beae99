import "server-only";
import { NotFoundError } from "@/lib/errors";
import { afterCursor, type Page, pageOrder, toPage } from "../shared/cursor";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowWriteError } from "../shared/prisma-errors";
import { ownedBy } from "../shared/tenant";
import { type CreateDumpSiteBody, type ListDumpSitesQuery, toDumpSite, type UpdateDumpSiteBody, type DumpSite } from "./schemas";

const LABEL = "Dump site";

export async function listDumpSites(db: HaulingDb, tenantId: string, query: ListDumpSitesQuery): Promise<Page<DumpSite>> {
  const rows = await db.dumpSite.findMany({
    where: { AND: [ownedBy(tenantId), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toDumpSite);
}

export async function getDumpSite(db: HaulingDb, tenantId: string, id: string): Promise<DumpSite> {
  const row = looksLikeId(id) ? await db.dumpSite.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toDumpSite(row);
}

export async function createDumpSite(db: HaulingDb, tenantId: string, body: CreateDumpSiteBody): Promise<DumpSite> {
  return toDumpSite(await db.dumpSite.create({ data: ownedBy(tenantId, body) }));
}

export async function updateDumpSite(db: HaulingDb, tenantId: string, id: string, body: UpdateDumpSiteBody): Promise<DumpSite> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  const row = await db.dumpSite.update({ where: ownedBy(tenantId, { id }), data: body }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return toDumpSite(row);
}

export async function deleteDumpSite(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await db.dumpSite.delete({ where: ownedBy(tenantId, { id }) }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return deleted(id);
}
