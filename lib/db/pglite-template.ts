import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "./migrate";
import { readMigrations } from "./migrations-dir";
import { pgliteExecutor } from "./sql-executor";

/**
 * In-memory PGlite databases for tests, started from a cached data-directory dump instead of running
 * initdb every time (initdb takes seconds; loading a dump is several times faster). The dump is
 * keyed by the migrations' checksums and kept in the OS temp dir, so test files share it.
 */
const TEMPLATE_DIR = path.join(os.tmpdir(), "klau-pglite-templates");

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8"));
  return String(manifest.version);
}

async function templateKey(migrated: boolean): Promise<string> {
  const hash = createHash("sha256").update(pgliteVersion()).update(String(migrated));
  if (migrated) for (const migration of await readMigrations()) hash.update(migration.name).update(migration.checksum);
  return hash.digest("hex").slice(0, 16);
}

async function buildTemplate(migrated: boolean): Promise<Blob> {
  const db = await PGlite.create();
  try {
    if (migrated) await applyMigrations(pgliteExecutor(db));
    return await db.dumpDataDir("none");
  } finally {
    await db.close();
  }
}

async function template(migrated: boolean): Promise<Blob> {
  const file = path.join(TEMPLATE_DIR, `${migrated ? "migrated" : "empty"}-${await templateKey(migrated)}.tar`);
  const cached = await fs.readFile(file).catch(() => null);
  if (cached) return new Blob([cached]);
  const dump = await buildTemplate(migrated);
  await fs.mkdir(TEMPLATE_DIR, { recursive: true });
  // Write then rename: concurrent test workers never read a half-written dump.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await fs.writeFile(temp, Buffer.from(await dump.arrayBuffer()));
  await fs.rename(temp, file);
  return dump;
}

/** A fresh in-memory PGlite with every committed migration applied. */
export async function migratedPglite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await template(true) });
}

/** A fresh in-memory PGlite with nothing in it (for testing the migration runner itself). */
export async function emptyPglite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await template(false) });
}
