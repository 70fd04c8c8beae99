import "server-only";
import pg from "pg";
import { config } from "@/lib/config";
import { prismaClientOnPool } from "./client-on-pool";
import type { OpenedDatabase } from "./opened";

/** A PostgreSQL server through @prisma/adapter-pg. Connects lazily; migrations are `npm run db:migrate`. */
export async function openPostgres(target: { kind: "postgres"; url: string }): Promise<OpenedDatabase> {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: config().database.poolSize,
    // Fail fast when the server is unreachable (the health check reports it instead of hanging).
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // Our pool, not one the adapter builds: `selectRows` sends hot reads to it directly.
  const db = prismaClientOnPool(pool);
  return {
    db,
    target,
    close: async () => {
      await db.$disconnect(); // leaves a pool it was given open
      await pool.end();
    },
  };
}
