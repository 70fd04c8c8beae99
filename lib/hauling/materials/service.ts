import "server-only";
import { NotFoundError } from "@/lib/errors";
import { afterCursor, type Page, pageOrder, toPage } from "../shared/cursor";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowWriteError } from "../shared/prisma-errors";
import { ownedBy } from "../shared/tenant";
import { type CreateMaterialBody, type ListMaterialsQuery, toMaterial, type UpdateMaterialBody, type Material } from "./schemas";

const LABEL = "Material";

export async function listMaterials(db: HaulingDb, tenantId: string, query: ListMaterialsQuery): Promise<Page<Material>> {
  const rows = await db.material.findMany({
    where: { AND: [ownedBy(tenantId), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toMaterial);
}

export async function getMaterial(db: HaulingDb, tenantId: string, id: string): Promise<Material> {
  const row = looksLikeId(id) ? await db.material.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toMaterial(row);
}

export async function createMaterial(db: HaulingDb, tenantId: string, body: CreateMaterialBody): Promise<Material> {
  return toMaterial(await db.material.create({ data: ownedBy(tenantId, body) }));
}

export async function updateMaterial(db: HaulingDb, tenantId: string, id: string, body: UpdateMaterialBody): Promise<Material> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  const row = await db.material.update({ where: ownedBy(tenantId, { id }), data: body }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return toMaterial(row);
}

/** Jobs that named the material keep existing without it (the schema sets materialId null). */
export async function deleteMaterial(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await db.material.delete({ where: ownedBy(tenantId, { id }) }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return deleted(id);
}
