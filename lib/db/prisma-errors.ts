/**
 * The one reading of database errors. Prisma errors are recognised by duck typing (`code`, `name`,
 * `kind`, the cause chain): their classes differ between the pg and PGlite driver adapters.
 */

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** The Prisma error code (`P2002`…), or undefined when `error` is not a Prisma request error. */
export function prismaCode(error: unknown): string | undefined {
  const code = field(error, "code");
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** The row to update or delete does not exist (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return prismaCode(error) === "P2025";
}

/** A unique constraint refused the write (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002";
}

/** PostgreSQL foreign_key_violation / restrict_violation. */
const FK_SQLSTATES = new Set(["23503", "23001"]);

/**
 * Prisma reports a foreign-key failure as P2003, but an ON DELETE RESTRICT violation through a
 * driver adapter arrives as P2039 with the SQLSTATE on the adapter error's cause.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  if (prismaCode(error) === "P2003") return true;
  const cause = field(field(field(error, "meta"), "driverAdapterError"), "cause");
  const sqlState = field(cause, "originalCode") ?? field(cause, "code");
  return typeof sqlState === "string" && FK_SQLSTATES.has(sqlState);
}

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
// node-postgres (pg, pg-pool) raises these without a code when the server's socket goes away mid-query
// (a crash, a network cut) or cannot be reached in time; Prisma's pg adapter passes them on as they are.
const UNREACHABLE_PG_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
]);

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
  return chain(error).flatMap((e) => [field(e, "originalCode"), field(e, "code")].filter((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c)));
}

/**
 * SQLSTATE class 22, "data exception": a value the database cannot store or compare (a NUL or an
 * invalid byte in text, a date or number out of range). Input validation should refuse these
 * first; this keeps anything it misses a 400 instead of a 500.
 */
export function isDataException(error: unknown): boolean {
  return sqlStates(error).some((state) => state.startsWith("22"));
}

/** The database could not be reached (or is held by another process): worth a retry, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some((e) => {
    const code = field(e, "originalCode") ?? field(e, "code");
    const kind = field(e, "kind");
    const name = field(e, "name");
    return (
      (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) ||
      (typeof kind === "string" && UNREACHABLE_KINDS.has(kind)) ||
      (typeof name === "string" && UNREACHABLE_NAMES.has(name)) ||
      (e instanceof Error && UNREACHABLE_PG_MESSAGES.has(e.message))
    );
  });
}
