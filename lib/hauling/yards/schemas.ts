import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { Yard as YardRow } from "@/lib/generated/prisma/client";
import { addressField, iso, nameField, nonEmpty, nonEmptyMessage, timestamps, uuidOut } from "../shared/fields";

export const yardSchema = z
  .object({ id: uuidOut, name: z.string(), address: z.string(), ...timestamps })
  .meta({ id: "Yard", description: "Where trucks and containers are kept" });
export type Yard = z.infer<typeof yardSchema>;

const fields = { name: nameField, address: addressField };

export const createYardBody = z.strictObject(fields).meta({ id: "YardCreate" });
export type CreateYardBody = z.infer<typeof createYardBody>;

export const updateYardBody = z.strictObject(fields).partial().refine(nonEmpty, nonEmptyMessage).meta({ id: "YardUpdate" });
export type UpdateYardBody = z.infer<typeof updateYardBody>;

export const listYardsQuery = listQuery;
export type ListYardsQuery = z.infer<typeof listYardsQuery>;

export function toYard(row: YardRow): Yard {
  return { id: row.id, name: row.name, address: row.address, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}
