import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "./migrate";
import { checksumOf, type MigrationFile, readMigrations } from "./migrations-dir";
import { createEmptyTestDatabase } from "./testing";

type Empty = Awaited<ReturnType<typeof createEmptyTestDatabase>>;
let database: Empty | null = null;

async function emptyDatabase(): Promise<Empty> {
  database = await createEmptyTestDatabase();
  return database;
}

// Builds (or finds) the cached empty-database template under the hook timeout, not a test's.
beforeAll(async () => {
  await (await createEmptyTestDatabase()).cleanup();
});

afterEach(async () => {
  await database?.cleanup();
  database = null;
});

function migration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: checksumOf(sql) };
}

async function tableExists(db: Empty, table: string): Promise<boolean> {
  const rows = await db.executor.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [`public."${table}"`]);
  return rows[0]?.found != null;
}

describe("applyMigrations", () => {
  it("creates the whole schema from an empty database and records Prisma-compatible history", async () => {
    const db = await emptyDatabase();
    const committed = await readMigrations();
    expect(committed.length).toBeGreaterThan(0);

    const result = await applyMigrations(db.executor);

    expect(result.applied).toEqual(committed.map((m) => m.name));
    for (const table of ["Company", "User", "ApiKey", "Job", "Dispatch", "rate_limits"]) {
      expect(await tableExists(db, table)).toBe(true);
    }
    const rows = await db.executor.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(committed.map((m) => [m.name, m.checksum]));
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it("is a no-op when run again", async () => {
    const db = await emptyDatabase();
    await applyMigrations(db.executor);
    const again = await applyMigrations(db.executor);
    expect(again).toEqual({ applied: [], edited: [] });
    const [count] = await db.executor.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(count?.n).toBe((await readMigrations()).length);
  });

  it("rolls a failing migration back, does not record it, and applies it once fixed", async () => {
    const db = await emptyDatabase();
    const first = migration("20260101000000_first", `CREATE TABLE "first_table" (id int);`);
    const broken = migration("20260102000000_second", `CREATE TABLE "second_table" (id int);\nSELECT * FROM "no_such_table";`);

    await expect(applyMigrations(db.executor, [first, broken])).rejects.toThrow(MigrationError);
    await expect(applyMigrations(db.executor, [first, broken])).rejects.toThrow(/20260102000000_second failed/);

    expect(await tableExists(db, "first_table")).toBe(true);
    expect(await tableExists(db, "second_table")).toBe(false);
    const names = await db.executor.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.map((row) => row.migration_name)).toEqual(["20260101000000_first"]);

    const fixed = migration("20260102000000_second", `CREATE TABLE "second_table" (id int);`);
    expect(await applyMigrations(db.executor, [first, fixed])).toEqual({ applied: ["20260102000000_second"], edited: [] });
    expect(await tableExists(db, "second_table")).toBe(true);
  });

  it("reports an edited migration instead of applying it again", async () => {
    const db = await emptyDatabase();
    await applyMigrations(db.executor, [migration("20260101000000_a", `CREATE TABLE "a" (id int);`)]);
    const edited = migration("20260101000000_a", `CREATE TABLE "a" (id int, extra text);`);
    expect(await applyMigrations(db.executor, [edited])).toEqual({ applied: [], edited: ["20260101000000_a"] });
  });

  it("refuses to continue past a migration Prisma's engine left marked as failed", async () => {
    const db = await emptyDatabase();
    await applyMigrations(db.executor, []);
    await db.executor.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('x', 'y', '20260101000000_half', now())`);
    await expect(applyMigrations(db.executor, [migration("20260102000000_b", "SELECT 1;")])).rejects.toThrow(/20260101000000_half failed earlier/);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("applies each migration once when two runners race (PostgreSQL)", async () => {
    const db = await emptyDatabase();
    const { openSession } = db;
    if (!openSession) throw new Error("expected a PostgreSQL test database");
    const sessions = await Promise.all([openSession(), openSession()]);
    const results = await Promise.all(sessions.map((session) => applyMigrations(session.executor)));
    const applied = results.flatMap((result) => result.applied);
    expect(applied.sort()).toEqual((await readMigrations()).map((m) => m.name).sort());
    await Promise.all(sessions.map((session) => session.close()));
  });
});
