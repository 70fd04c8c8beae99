// `npm run db:migrate`: applies prisma/migrations to the configured database (DATABASE_URL, or the
// embedded one under KLAU_DATA_DIR) without Prisma's native engine. See docs/DATABASE.md.
import pg from "pg";
import { openedDatabase, disconnectDb } from "../lib/db/client";
import { databaseTarget } from "../lib/db/config";
import { applyMigrations, type MigrateResult } from "../lib/db/migrate";
import { DatabaseOwnedError } from "../lib/db/ownership";
import { pgClientExecutor } from "../lib/db/sql-executor";

async function migratePostgres(url: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await applyMigrations(pgClientExecutor(client));
  } finally {
    await client.end();
  }
}

async function migrateEmbedded(): Promise<MigrateResult> {
  // Opening the embedded database takes ownership of its directory and applies pending migrations.
  const opened = await openedDatabase();
  await disconnectDb();
  return opened.migrated ?? { applied: [], edited: [] };
}

async function main(): Promise<void> {
  const target = databaseTarget();
  const result = target.kind === "postgres" ? await migratePostgres(target.url) : await migrateEmbedded();
  const where = target.kind === "postgres" ? "PostgreSQL" : "the embedded database";
  if (result.applied.length === 0) console.log(`Database schema is up to date (${where}).`);
  for (const name of result.applied) console.log(`Applied migration ${name}`);
  for (const name of result.edited) {
    console.warn(`Warning: migration ${name} was edited after it was applied; it is not applied again.`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof DatabaseOwnedError) {
      console.error(`${error.message}\nThe running app applies migrations when it starts; stop it to run db:migrate.`);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exit(1);
  },
);
