import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMigration } from "./migration-create";
import { defaultMigrationsDir } from "./migrations-dir";

// The wasm schema engine diffs the committed migrations (replayed on in-memory PGlite) against the schema.
const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");
let workDir = "";

afterEach(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  workDir = "";
});

function copyProject(): { migrationsDir: string; schema: string } {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "klau-create-"));
  const migrationsDir = path.join(workDir, "migrations");
  fs.cpSync(defaultMigrationsDir(), migrationsDir, { recursive: true });
  const schema = path.join(workDir, "schema.prisma");
  fs.copyFileSync(schemaPath, schema);
  return { migrationsDir, schema };
}

describe("db:migration:create", () => {
  it("finds no changes: the committed migrations match prisma/schema.prisma", async () => {
    const { migrationsDir, schema } = copyProject();
    expect(await createMigration({ name: "nothing", migrationsDir, schemaPath: schema })).toEqual({ created: false });
    expect(fs.readdirSync(migrationsDir).some((name) => name.endsWith("_nothing"))).toBe(false);
  }, 120_000);

  it("writes a timestamped migration with the SQL for a schema change", async () => {
    const { migrationsDir, schema } = copyProject();
    fs.appendFileSync(schema, "\nmodel Note {\n  id   String @id\n  body String\n}\n");
    const result = await createMigration({
      name: "add notes",
      migrationsDir,
      schemaPath: schema,
      now: new Date("2030-01-02T03:04:05Z"),
    });
    expect(result.created).toBe(true);
    const file = path.join(migrationsDir, "20300102030405_add_notes", "migration.sql");
    const sql = fs.readFileSync(file, "utf8");
    expect(sql).toContain('CREATE TABLE "Note"');
    expect(sql).not.toContain('CREATE TABLE "Company"');
    expect(fs.readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  }, 120_000);
});
