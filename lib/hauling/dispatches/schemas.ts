import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { Dispatch as DispatchRow } from "@/lib/generated/prisma/client";
import { DispatchStatus } from "@/lib/generated/prisma/enums";
import { iso, isoOrNull, nonEmpty, nonEmptyMessage, timestamp, timestamps, uuidOut } from "../shared/fields";
import { idFilter, idRef } from "../shared/ids";

export const dispatchStatus = z.enum(DispatchStatus).meta({
  id: "DispatchStatus",
  description:
    "ASSIGNED → EN_ROUTE → COMPLETED, or CANCELLED. The job follows: ASSIGNED = DISPATCHED, EN_ROUTE = IN_PROGRESS, " +
    "COMPLETED = COMPLETED, CANCELLED (or deleting an active dispatch) puts the job back to SCHEDULED.",
});

export const dispatchSchema = z
  .object({
    id: uuidOut,
    jobId: uuidOut,
    driverId: uuidOut,
    truckId: uuidOut,
    status: dispatchStatus,
    scheduledAt: timestamp.nullable(),
    ...timestamps,
  })
  .meta({ id: "Dispatch", description: "A job assigned to a driver and a truck" });
export type Dispatch = z.infer<typeof dispatchSchema>;

const scheduledAt = z.iso
  .datetime({ offset: true })
  .nullable()
  .optional()
  .meta({ description: "When the driver should start (ISO 8601 with offset)", example: "2026-03-15T07:30:00Z" });

export const createDispatchBody = z
  .strictObject({
    jobId: idRef.meta({ description: "A PENDING or SCHEDULED job of this company" }),
    driverId: idRef.meta({ description: "An ACTIVE driver of this company" }),
    truckId: idRef.meta({ description: "An ACTIVE truck of this company" }),
    scheduledAt,
  })
  .meta({ id: "DispatchCreate" });
export type CreateDispatchBody = z.infer<typeof createDispatchBody>;

export const updateDispatchBody = z
  .strictObject({
    driverId: idRef.optional(),
    truckId: idRef.optional(),
    status: dispatchStatus.optional(),
    scheduledAt,
  })
  .refine(nonEmpty, nonEmptyMessage)
  .meta({ id: "DispatchUpdate", description: "Reassign, reschedule or move the dispatch along; COMPLETED and CANCELLED are final" });
export type UpdateDispatchBody = z.infer<typeof updateDispatchBody>;

export const listDispatchesQuery = listQuery.extend({
  jobId: idFilter.optional().meta({ description: "Only dispatches of this job" }),
  driverId: idFilter.optional().meta({ description: "Only dispatches of this driver" }),
  status: dispatchStatus.optional(),
});
export type ListDispatchesQuery = z.infer<typeof listDispatchesQuery>;

export function toDispatch(row: DispatchRow): Dispatch {
  return {
    id: row.id,
    jobId: row.jobId,
    driverId: row.driverId,
    truckId: row.truckId,
    status: row.status,
    scheduledAt: isoOrNull(row.scheduledAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
