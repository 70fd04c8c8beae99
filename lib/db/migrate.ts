import "server-only";
import { randomUUID } from "node:crypto";
import { type MigrationFile, readMigrations } from "./migrations-dir";
import type { SqlExecutor } from "./sql-executor";

// Same table and columns as Prisma's schema engine, so `prisma migrate deploy` (where the native
// engine exists) sees our history as its own and vice versa.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// The advisory lock key Prisma's schema engine uses, so both runners exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

export interface MigrateResult {
  applied: string[];
  /** Migrations applied earlier whose migration.sql has been edited since (reported, not re-run). */
  edited: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MigrationError";
  }
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Applies the committed migrations that the database has not recorded yet, oldest first, each in its
 * own transaction together with its `_prisma_migrations` row: a failing migration leaves neither
 * schema changes nor a row behind, and the error names it. Safe to run concurrently on PostgreSQL.
 */
export async function applyMigrations(executor: SqlExecutor, migrations?: MigrationFile[]): Promise<MigrateResult> {
  const files = migrations ?? (await readMigrations());
  await executor.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await executor.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await executor.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const live = rows.filter((row) => row.rolled_back_at === null);
    const failed = live.filter((row) => row.finished_at === null);
    if (failed.length > 0) {
      // Left by Prisma's own engine (ours never records a failure): same stance as its P3009.
      const name = failed[0]?.migration_name ?? "";
      throw new MigrationError(
        `Migration ${name} failed earlier and is marked as failed in _prisma_migrations; fix the database and mark it rolled back before migrating again.`,
        name,
      );
    }
    const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
    const result: MigrateResult = { applied: [], edited: [] };
    for (const migration of files) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) result.edited.push(migration.name);
        continue;
      }
      await applyOne(executor, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await executor.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
  }
}

async function applyOne(executor: SqlExecutor, migration: MigrationFile): Promise<void> {
  const startedAt = new Date();
  try {
    await executor.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`, migration.name, {
      cause: error,
    });
  }
}
