import "server-only";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * The little a migration runner needs from a database session: parameterised queries, multi-statement
 * scripts and a transaction on the same session. Implemented over PGlite and over one `pg` client
 * (not a pool: advisory locks and BEGIN/COMMIT are per session).
 */
export interface SqlExecutor {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

function pgliteTx(tx: Transaction): SqlExecutor {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
    exec: async (script) => {
      await tx.exec(script);
    },
    transaction: (work) => work(pgliteTx(tx)),
  };
}

export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
    transaction: (work) => db.transaction((tx) => work(pgliteTx(tx))),
  };
}

export function pgClientExecutor(client: pg.Client | pg.PoolClient): SqlExecutor {
  const self: SqlExecutor = {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    exec: async (script) => {
      await client.query(script);
    },
    transaction: async (work) => {
      await client.query("BEGIN");
      try {
        const result = await work(self);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
  };
  return self;
}
