import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";

/** Prisma error codes, read by duck typing: the error classes differ between driver adapters. */
export function prismaCode(error: unknown): string | undefined {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

/** PostgreSQL foreign_key_violation / restrict_violation. */
const FK_SQLSTATES = new Set(["23503", "23001"]);

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Prisma reports a foreign-key failure as P2003, but an ON DELETE RESTRICT violation through a
 * driver adapter arrives as P2039 with the SQLSTATE on the adapter error's cause.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = prismaCode(error);
  if (code === "P2003") return true;
  const cause = field(field(field(error, "meta"), "driverAdapterError"), "cause");
  const sqlState = field(cause, "originalCode") ?? field(cause, "code");
  return typeof sqlState === "string" && FK_SQLSTATES.has(sqlState);
}

/**
 * Maps the Prisma errors a tenant-scoped write can hit to domain errors:
 * P2025 (the tenant has no such row) → not found; P2003 (a row still references it, or a
 * referenced row vanished meanwhile) → conflict / invalid input.
 */
export function rethrowWriteError(label: string, error: unknown, onForeignKey = `${label} is still referenced by other records`): never {
  const code = prismaCode(error);
  if (code === "P2025") throw new NotFoundError(label);
  if (isForeignKeyViolation(error)) throw new ConflictError(onForeignKey);
  if (code === "P2002") throw new ConflictError(`${label} already exists`);
  throw error;
}

/** A reference checked a moment ago was deleted before the insert: report it like a bad reference. */
export function rethrowCreateError(label: string, error: unknown): never {
  if (isForeignKeyViolation(error)) throw new InvalidInputError(`${label} references a record that no longer exists`);
  return rethrowWriteError(label, error);
}
