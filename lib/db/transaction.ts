import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** The root client (lib/db/client.ts `Db`), or a transaction client when the caller already runs one. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/**
 * maxWait: under load a transaction waits for a connection (PGlite has exactly one), longer than
 * Prisma's 2 s default; timeout: how long one may hold it before it is rolled back. Every client
 * is built with these as its defaults (lib/db/open-*.ts, testing.ts), so a plain `db.$transaction`
 * in a service gets them too.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * Runs `work` in a transaction of its own, or inside the caller's when `db` already is a
 * transaction client (the API runs an idempotent write together with its idempotency record, see
 * lib/api/steps/idempotency.ts). Inside, use only `tx`: the root client would deadlock on
 * PGlite's single session.
 */
export function inTransaction<T>(db: DbClient, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work, TRANSACTION_OPTIONS) : work(db);
}
