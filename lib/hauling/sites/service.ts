import "server-only";
import { NotFoundError } from "@/lib/errors";
import { afterCursor, type Page, pageOrder, toPage } from "../shared/cursor";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowCreateError, rethrowWriteError } from "../shared/prisma-errors";
import { assertReferences } from "../shared/references";
import { ownedBy } from "../shared/tenant";
import { type CreateSiteBody, type ListSitesQuery, type Site, toSite, type UpdateSiteBody } from "./schemas";

const LABEL = "Site";

export async function listSites(db: HaulingDb, tenantId: string, query: ListSitesQuery): Promise<Page<Site>> {
  const filters = query.customerId ? { customerId: query.customerId } : {};
  const rows = await db.site.findMany({
    where: { AND: [ownedBy(tenantId, filters), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toSite);
}

export async function getSite(db: HaulingDb, tenantId: string, id: string): Promise<Site> {
  const row = looksLikeId(id) ? await db.site.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toSite(row);
}

export async function createSite(db: HaulingDb, tenantId: string, body: CreateSiteBody): Promise<Site> {
  await assertReferences(db, tenantId, [{ field: "customerId", kind: "customer", id: body.customerId }]);
  const row = await db.site.create({ data: ownedBy(tenantId, body) }).catch((e: unknown) => rethrowCreateError(LABEL, e));
  return toSite(row);
}

export async function updateSite(db: HaulingDb, tenantId: string, id: string, body: UpdateSiteBody): Promise<Site> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await assertReferences(db, tenantId, [{ field: "customerId", kind: "customer", id: body.customerId }]);
  const row = await db.site.update({ where: ownedBy(tenantId, { id }), data: body }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return toSite(row);
}

export async function deleteSite(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await db.site.delete({ where: ownedBy(tenantId, { id }) }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return deleted(id);
}
