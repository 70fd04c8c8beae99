import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { Job as JobRow } from "@/lib/generated/prisma/client";
import { JobStatus, JobType } from "@/lib/generated/prisma/enums";
import { toDay } from "../shared/dates";
import { iso, nonEmpty, nonEmptyMessage, optionalText, timestamps, uuidOut } from "../shared/fields";
import { idFilter, idRef } from "../shared/ids";

export const jobStatus = z.enum(JobStatus).meta({
  id: "JobStatus",
  description: "DISPATCHED is set by creating a dispatch; a job cannot be set to it directly",
});
export const jobType = z.enum(JobType).meta({ id: "JobType" });
/** Statuses a client may set; DISPATCHED only comes from POST /dispatches. */
const writableStatus = jobStatus.exclude(["DISPATCHED"]);
const day = z.iso.date().meta({ description: "Calendar date, YYYY-MM-DD", example: "2026-03-15" });
/** Date filters carry no example: Swagger UI would pre-fill it into "Try it out". */
const dayFilter = z.iso.date();

export const jobSchema = z
  .object({
    id: uuidOut,
    customerId: uuidOut.nullable(),
    siteId: uuidOut.nullable(),
    materialId: uuidOut.nullable(),
    serviceDate: z.string().meta({ format: "date", example: "2026-03-15" }),
    type: jobType,
    status: jobStatus,
    containerSize: z.number().int().nullable().meta({ description: "Container size in cubic yards", example: 20 }),
    notes: z.string().nullable(),
    ...timestamps,
  })
  .meta({ id: "Job" });
export type Job = z.infer<typeof jobSchema>;

const fields = {
  customerId: idRef.nullable().optional(),
  siteId: idRef.nullable().optional(),
  materialId: idRef.nullable().optional(),
  serviceDate: day,
  type: jobType.optional().meta({ description: "Defaults to DELIVERY" }),
  status: writableStatus
    .optional()
    .meta({ description: "Defaults to PENDING; DISPATCHED is set by creating a dispatch; CANCELLED also cancels the job's active dispatch" }),
  containerSize: z.number().int().min(1).max(100).nullable().optional(),
  notes: optionalText(2000),
};

export const createJobBody = z.strictObject(fields).meta({
  id: "JobCreate",
  example: { serviceDate: "2026-03-15", type: "DELIVERY", containerSize: 20, notes: "Place by the east gate" },
});
export type CreateJobBody = z.infer<typeof createJobBody>;

export const updateJobBody = z.strictObject(fields).partial().refine(nonEmpty, nonEmptyMessage).meta({ id: "JobUpdate" });
export type UpdateJobBody = z.infer<typeof updateJobBody>;

export const listJobsQuery = listQuery
  .extend({
    date: dayFilter.optional().meta({ description: "Only jobs on this service date (YYYY-MM-DD)" }),
    from: dayFilter.optional().meta({ description: "Only jobs on or after this service date" }),
    to: dayFilter.optional().meta({ description: "Only jobs on or before this service date" }),
    status: jobStatus.optional(),
    customerId: idFilter.optional().meta({ description: "Only jobs of this customer" }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    customerId: row.customerId,
    siteId: row.siteId,
    materialId: row.materialId,
    serviceDate: toDay(row.serviceDate),
    type: row.type,
    status: row.status,
    containerSize: row.containerSize,
    notes: row.notes,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
