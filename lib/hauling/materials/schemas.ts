import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { Material as MaterialRow } from "@/lib/generated/prisma/client";
import { iso, nameField, nonEmpty, nonEmptyMessage, timestamps, uuidOut } from "../shared/fields";

export const materialSchema = z
  .object({ id: uuidOut, name: z.string(), unit: z.string().meta({ example: "ton" }), ...timestamps })
  .meta({ id: "Material", description: "What is hauled (e.g. concrete, mixed C&D) and its billing unit" });
export type Material = z.infer<typeof materialSchema>;

const fields = {
  name: nameField,
  unit: z.string().trim().min(1).max(20).optional().meta({ description: 'Billing unit; defaults to "ton"', example: "ton" }),
};

export const createMaterialBody = z.strictObject(fields).meta({ id: "MaterialCreate" });
export type CreateMaterialBody = z.infer<typeof createMaterialBody>;

export const updateMaterialBody = z.strictObject(fields).partial().refine(nonEmpty, nonEmptyMessage).meta({ id: "MaterialUpdate" });
export type UpdateMaterialBody = z.infer<typeof updateMaterialBody>;

export const listMaterialsQuery = listQuery;
export type ListMaterialsQuery = z.infer<typeof listMaterialsQuery>;

export function toMaterial(row: MaterialRow): Material {
  return { id: row.id, name: row.name, unit: row.unit, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}
