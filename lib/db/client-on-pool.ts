import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { shareAdapterPool } from "./pool-statements";
import { TRANSACTION_OPTIONS } from "./transaction";

/**
 * The Prisma client on `pool` (through @prisma/adapter-pg), with the pool shared for
 * `selectRows` / `executeStatement`. Every client on a pg pool is built here: the server's, the
 * embedded database's and the PostgreSQL test databases'. `$disconnect()` leaves the pool open:
 * its owner ends it.
 */
export function prismaClientOnPool(pool: pg.Pool): PrismaClient {
  const db = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  shareAdapterPool(db, pool);
  return db;
}
