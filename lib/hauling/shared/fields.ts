import { z } from "zod";

/** Zod building blocks shared by the resource schemas, so every resource reads the same way. */
export const nameField = z.string().trim().min(1).max(200);
export const addressField = z.string().trim().min(1).max(500);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const optionalEmail = z.email().max(320).nullable().optional();

/** Timestamps in responses: ISO 8601 strings in UTC. */
export const timestamp = z.string().meta({ format: "date-time", example: "2026-03-15T14:30:00.000Z" });
export const timestamps = { createdAt: timestamp, updatedAt: timestamp };

export const uuidOut = z.string().meta({ format: "uuid", example: "3f1c9a1e-8b7d-4c55-9a3e-2f64d1b0c9aa" });

/** Rejects a PATCH body with no fields: an empty update is almost certainly a client bug. */
export function nonEmpty<T extends object>(value: T): boolean {
  return Object.keys(value).length > 0;
}
export const nonEmptyMessage = { message: "Provide at least one field to update" };

/** DELETE answers 200 with the id, so clients (and idempotent replays) get a body to log. */
export const deletedSchema = z.object({ id: uuidOut, deleted: z.literal(true) }).meta({ id: "Deleted", description: "The id of the deleted resource" });
export type Deleted = z.infer<typeof deletedSchema>;
export function deleted(id: string): Deleted {
  return { id, deleted: true };
}

export function iso(date: Date): string {
  return date.toISOString();
}
export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
