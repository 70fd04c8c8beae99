import "server-only";
import { isForeignKeyViolation, isRecordNotFound, isUniqueViolation } from "@/lib/db/prisma-errors";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";

/**
 * Maps the Prisma errors a tenant-scoped write can hit to domain errors:
 * P2025 (the tenant has no such row) → not found; P2003 (a row still references it, or a
 * referenced row vanished meanwhile) → conflict / invalid input.
 */
export function rethrowWriteError(label: string, error: unknown, onForeignKey = `${label} is still referenced by other records`): never {
  if (isRecordNotFound(error)) throw new NotFoundError(label);
  if (isForeignKeyViolation(error)) throw new ConflictError(onForeignKey);
  if (isUniqueViolation(error)) throw new ConflictError(`${label} already exists`);
  throw error;
}

/** A reference checked a moment ago was deleted before the insert: report it like a bad reference. */
export function rethrowCreateError(label: string, error: unknown): never {
  if (isForeignKeyViolation(error)) throw new InvalidInputError(`${label} references a record that no longer exists`);
  return rethrowWriteError(label, error);
}
