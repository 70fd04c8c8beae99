import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { OpenedDatabase } from "./client";

function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

/** A PostgreSQL server through @prisma/adapter-pg. Connects lazily; migrations are `npm run db:migrate`. */
export async function openPostgres(target: { kind: "postgres"; url: string }): Promise<OpenedDatabase> {
  const adapter = new PrismaPg({
    connectionString: target.url,
    max: poolSize(),
    // Fail fast when the server is unreachable (the health check reports it instead of hanging).
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  const db = new PrismaClient({ adapter });
  return { db, target, close: () => db.$disconnect() };
}
