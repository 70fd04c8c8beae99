import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { Truck as TruckRow } from "@/lib/generated/prisma/client";
import { activeStatus } from "../drivers/schemas";
import { iso, nonEmpty, nonEmptyMessage, optionalText, timestamps, uuidOut } from "../shared/fields";
import { idFilter, idRef } from "../shared/ids";

export const truckSchema = z
  .object({
    id: uuidOut,
    yardId: uuidOut.nullable(),
    unitNumber: z.string().meta({ example: "RO-104" }),
    type: z.string().meta({ example: "roll-off" }),
    plate: z.string().nullable(),
    status: activeStatus,
    ...timestamps,
  })
  .meta({ id: "Truck" });
export type Truck = z.infer<typeof truckSchema>;

const fields = {
  yardId: idRef.nullable().optional().meta({ description: "Home yard (a yard of the same company)" }),
  unitNumber: z.string().trim().min(1).max(50),
  type: z.string().trim().min(1).max(50).optional().meta({ description: 'Defaults to "roll-off"' }),
  plate: optionalText(20),
  status: activeStatus.optional(),
};

export const createTruckBody = z.strictObject(fields).meta({ id: "TruckCreate", example: { unitNumber: "RO-104", type: "roll-off", plate: "KLA-104" } });
export type CreateTruckBody = z.infer<typeof createTruckBody>;

export const updateTruckBody = z.strictObject(fields).partial().refine(nonEmpty, nonEmptyMessage).meta({ id: "TruckUpdate" });
export type UpdateTruckBody = z.infer<typeof updateTruckBody>;

export const listTrucksQuery = listQuery.extend({
  status: activeStatus.optional(),
  yardId: idFilter.optional().meta({ description: "Only trucks based at this yard" }),
});
export type ListTrucksQuery = z.infer<typeof listTrucksQuery>;

export function toTruck(row: TruckRow): Truck {
  return {
    id: row.id,
    yardId: row.yardId,
    unitNumber: row.unitNumber,
    type: row.type,
    plate: row.plate,
    status: row.status,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
