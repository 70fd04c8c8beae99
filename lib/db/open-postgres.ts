import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "./transaction";
import type { OpenedDatabase } from "./opened";

/** A PostgreSQL server through @prisma/adapter-pg. Connects lazily; migrations are `npm run db:migrate`. */
export async function openPostgres(target: { kind: "postgres"; url: string }): Promise<OpenedDatabase> {
  const adapter = new PrismaPg({
    connectionString: target.url,
    max: config().database.poolSize,
    // Fail fast when the server is unreachable (the health check reports it instead of hanging).
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  const db = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  return { db, target, close: () => db.$disconnect() };
}
