import { ConflictError, type DomainError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { ApiError, validationError } from "./errors";
import { zodFields } from "./zod-fields";

const UNREACHABLE_CODES = new Set([
  // Prisma: can't reach / timed out / closed / pool exhausted.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // Node sockets and PostgreSQL "connection exception" / shutdown states.
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
]);
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// DatabaseOwnedError: the embedded database is held by another process (lib/db/ownership.ts).
const UNREACHABLE_NAMES = new Set(["PrismaClientInitializationError", "DatabaseUnavailableError", "DatabaseOwnedError"]);

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The error and its `cause` chain (bounded: causes can be cyclic). Prisma keeps a driver adapter's
 * error under `meta.driverAdapterError` (P2039/P2010), whose `cause` holds the SQLSTATE: followed too.
 */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && out.length < 8) {
    out.push(current);
    current = field(current, "cause") ?? field(field(current, "meta"), "driverAdapterError");
  }
  return out;
}

/** PostgreSQL's SQLSTATE anywhere in the chain (`originalCode` on adapter errors, `code` on pg's). */
function sqlStates(error: unknown): string[] {
  return chain(error).flatMap((e) =>
    [field(e, "originalCode"), field(e, "code")].filter((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c)),
  );
}

/**
 * SQLSTATE class 22, "data exception": a value the database cannot store or compare (a NUL or
 * an invalid byte in text, a date or number out of its range). Input validation should catch
 * these first; this keeps anything it misses a 400 instead of a 500.
 */
export function isDataException(error: unknown): boolean {
  return sqlStates(error).some((state) => state.startsWith("22"));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some((e) => {
    const code = field(e, "originalCode") ?? field(e, "code");
    const kind = field(e, "kind");
    const name = field(e, "name");
    return (
      (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) ||
      (typeof kind === "string" && UNREACHABLE_KINDS.has(kind)) ||
      (typeof name === "string" && UNREACHABLE_NAMES.has(name))
    );
  });
}

function prismaCode(error: unknown): string | undefined {
  const code = field(error, "code");
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

function domainDetails(error: DomainError): Record<string, unknown> {
  return error.details ?? {};
}

/**
 * Maps anything a route can throw to an ApiError, once. Unknown errors become a generic 500 —
 * their text never reaches the client (it may hold SQL, paths or secrets); the caller logs them.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) return new ApiError("NOT_FOUND", error.message, domainDetails(error));
  if (error instanceof ConflictError) return new ApiError("CONFLICT", error.message, domainDetails(error));
  if (error instanceof InvalidInputError) return new ApiError("BAD_REQUEST", error.message, domainDetails(error));
  if (error instanceof ForbiddenError) return new ApiError("FORBIDDEN", error.message, domainDetails(error));
  const fields = zodFields(error);
  if (fields) return validationError(fields);
  const code = prismaCode(error);
  if (code === "P2025") return new ApiError("NOT_FOUND", "Resource not found");
  if (code === "P2002") return new ApiError("CONFLICT", "A resource with these values already exists");
  if (code === "P2003") return new ApiError("CONFLICT", "A related resource does not exist or is still in use");
  if (isDataException(error)) return new ApiError("BAD_REQUEST", "A value in the request cannot be stored or compared (out of range or not valid text)");
  if (isDatabaseUnavailable(error)) {
    return new ApiError("SERVICE_UNAVAILABLE", "The database is unavailable; retry shortly", {}, { "Retry-After": "5" });
  }
  return new ApiError("INTERNAL_ERROR", "An unexpected error occurred");
}
