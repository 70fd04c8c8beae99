import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { OpenedDatabase } from "./client";
import { applyMigrations } from "./migrate";
import { acquireOwnership, releaseOwnership } from "./ownership";
import { pgliteExecutor } from "./sql-executor";

/** Where the owner lock of an embedded database lives: its data root (`.data`), beside `pglite/`. */
export function embeddedLockDir(pgliteDir: string): string {
  return path.dirname(pgliteDir);
}

/**
 * Opens the file-backed PGlite database, after taking ownership of its directory (a second process
 * would corrupt it), and brings its schema up to date.
 */
export async function openEmbedded(target: { kind: "embedded"; dataDir: string }): Promise<OpenedDatabase> {
  acquireOwnership(embeddedLockDir(target.dataDir));
  let pglite: PGlite | null = null;
  try {
    // PGlite crashes when the parent directory is missing.
    fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
    pglite = await PGlite.create(target.dataDir);
    const migrated = await applyMigrations(pgliteExecutor(pglite));
    const client = pglite;
    const db = new PrismaClient({ adapter: new PrismaPGlite(client) });
    return {
      db,
      target,
      migrated,
      embedded: client,
      close: async () => {
        await db.$disconnect();
        await client.close();
        releaseOwnership();
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    releaseOwnership();
    throw error;
  }
}
