/**
 * Figures from the investigation scripts, which `npm run bench` does not run (they need a database no
 * server holds): `npx tsx scripts/bench/request-log-cost.ts` and `scripts/bench/query-variants.ts`
 * with DATABASE_URL or KLAU_DATA_DIR set. Measured on the same quiet 2-core machine as the bench;
 * update them when you rerun those scripts.
 */
export const INVESTIGATION = {
  /** Node CPU per logged request of the request-log flush: Prisma createMany of 200-row batches. */
  requestLogPrisma: { pg: 254, pglite: 309 },
  /** The same batches as one INSERT … SELECT FROM unnest(…). */
  requestLogUnnest: { pg: 12, pglite: 45 },
  /** 16 concurrent callers, PostgreSQL: listJobs through Prisma (every variant) and the same SQL on node-postgres. */
  listJobsPerSecond: "2 300–2 900",
  bareDriverPerSecond: "6 000",
  /** The gateway (pipeline without query, both keys) over four runs before the request-log fix (commit 89456a7). */
  gatewayBeforeLogFix: { pg: "65–81 %", pglite: "56–71 %" },
  /** Ratios of four consecutive bench runs (before the request-log fix) on the quiet machine differed by up to this many points. */
  runToRunPoints: 16,
};

export function databaseKey(database: string): "pg" | "pglite" {
  return database.includes("PGlite") ? "pglite" : "pg";
}
