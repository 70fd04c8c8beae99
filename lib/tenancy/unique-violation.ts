/** Prisma's unique-constraint error. Only `code` is reliable across the pg and PGlite adapters. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
