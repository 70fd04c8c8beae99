import "server-only";
import type pg from "pg";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { DbClient } from "./transaction";

/**
 * Where a client's adapter pool is kept: on the client itself under a registry symbol, because the
 * Next bundles and the API fast path's bundle each hold their own copy of this module but share
 * the process's one client (lib/db/client.ts).
 */
const ADAPTER_POOL = Symbol.for("klau.db.adapterPool");

type WithPool = { [ADAPTER_POOL]?: pg.Pool };

/** The pool shared by `shareAdapterPool`; none on a transaction client or a client without one. */
function adapterPool(db: DbClient): pg.Pool | undefined {
  return (db as WithPool)[ADAPTER_POOL];
}

/** Records the pg pool that `db`'s driver adapter (`new PrismaPg(pool)`) sends its queries to. */
export function shareAdapterPool(db: PrismaClient, pool: pg.Pool): void {
  // An idle connection that breaks emits 'error' on the pool, which would end the process without
  // a listener; Prisma's adapter adds one only once it connects, and `selectRows` may come first.
  // The broken connection is dropped, and the next statement's own error says what happened.
  pool.on("error", () => undefined);
  Object.defineProperty(db, ADAPTER_POOL, { value: pool, enumerable: false });
}

/**
 * The rows of one read statement. On the root client it goes to the very pool Prisma's adapter
 * uses (the same connections, the same server), without Prisma's client around it: for the jobs
 * list that client cost three times the driver's own Node CPU per query (about 150 of 240 µs, GC
 * included; docs/PERFORMANCE.md), on the read integrations poll. Inside a transaction, or on a
 * client without a shared pool (in-memory PGlite in tests), it is Prisma's `$queryRaw`.
 *
 * Values come back as node-postgres parses them, not as Prisma would: the same for text, int4 and
 * boolean columns, but not for timestamps (Date either way, but built differently), numeric,
 * int8 or json. Select only columns of the first kind (format the rest in SQL, as list-sql.ts does),
 * and hold the rows to the typed client's in a test (a listed job is byte for byte `getJob`'s).
 */
export async function selectRows<T>(db: DbClient, statement: Prisma.Sql): Promise<T[]> {
  const pool = adapterPool(db);
  if (!pool) return db.$queryRaw<T[]>(statement);
  const result = await pool.query(statement.text, statement.values);
  return result.rows as T[];
}

/**
 * Runs one write statement, on the adapter's pool like `selectRows` (else Prisma's `$executeRaw`);
 * resolves with the number of rows it touched. For the request log's batches: a `Buffer` value
 * goes to the pool as it is (binary bytea), where Prisma's client would copy it through base64.
 */
export async function executeStatement(db: DbClient, statement: Prisma.Sql): Promise<number> {
  const pool = adapterPool(db);
  if (!pool) return db.$executeRaw(statement);
  const result = await pool.query(statement.text, statement.values);
  return result.rowCount ?? 0;
}
