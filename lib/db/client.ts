import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type DatabaseTarget, databaseTarget } from "./config";
import type { OpenedDatabase } from "./opened";
import { onOwnerShutdown } from "./ownership";

/** The application's database client (Prisma Client 7 on a driver adapter). */
export type Db = PrismaClient;

// One client per process, kept on globalThis so Next dev reloads and separate server bundles share it.
const globalStore = globalThis as typeof globalThis & { __klauDb?: Promise<OpenedDatabase> };

async function open(target: DatabaseTarget): Promise<OpenedDatabase> {
  // Imported on demand: `next build` imports server modules, and nothing may open at import time.
  if (target.kind === "postgres") {
    const { openPostgres } = await import("./open-postgres");
    return openPostgres(target);
  }
  const { openEmbedded } = await import("./open-embedded");
  return openEmbedded(target);
}

/**
 * The configured database, opened on first use. For the embedded database this takes ownership of the
 * data directory (DatabaseOwnedError when another live process has it) and applies pending migrations.
 */
export async function getDb(): Promise<Db> {
  return (await openedDatabase()).db;
}

export function openedDatabase(): Promise<OpenedDatabase> {
  if (!globalStore.__klauDb) {
    const opening = open(databaseTarget());
    globalStore.__klauDb = opening;
    // A failed open is not cached: the next call (e.g. the health check) tries again.
    opening.then(
      () => onOwnerShutdown(disconnectDb),
      () => {
        if (globalStore.__klauDb === opening) globalStore.__klauDb = undefined;
      },
    );
  }
  return globalStore.__klauDb;
}

/** Closes the process's database (and gives up ownership of the embedded directory). */
export async function disconnectDb(): Promise<void> {
  const opening = globalStore.__klauDb;
  if (!opening) return;
  globalStore.__klauDb = undefined;
  const opened = await opening.catch(() => null);
  await opened?.close();
}
