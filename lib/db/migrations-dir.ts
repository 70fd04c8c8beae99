import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface MigrationFile {
  /** Folder name, e.g. `20260101120000_init`; sorts in application order. */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql — what Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
}

export function defaultMigrationsDir(): string {
  // Resolved at run time from the project root (where `next start`, tsx and vitest run).
  return path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The committed migrations, oldest first. Folders without a migration.sql are ignored, like Prisma does. */
export async function readMigrations(dir: string = defaultMigrationsDir()): Promise<MigrationFile[]> {
  const entries = await fs.readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    const sql = await fs.readFile(/* turbopackIgnore: true */ file, "utf8").catch(() => null);
    if (sql !== null) migrations.push({ name, sql, checksum: checksumOf(sql) });
  }
  return migrations;
}
