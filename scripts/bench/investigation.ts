/**
 * Figures from the investigation scripts, which `npm run bench` does not run (they need a database no
 * server holds): `npx tsx scripts/bench/request-log-cost.ts` and `scripts/bench/query-variants.ts`
 * with DATABASE_URL or KLAU_DATA_DIR set. Update them when you rerun those scripts.
 */
export const INVESTIGATION = {
  /** Node CPU per logged request of the request-log flush (200-row batches): Prisma createMany. */
  requestLogPrisma: { pg: 142, pglite: 185 },
  /** The same batches as one INSERT … SELECT FROM unnest(…) of one array per column (the writer of commit 89456a7). */
  requestLogUnnest: { pg: 7, pglite: 45 },
  /** The same batches as one INSERT … SELECT FROM json_to_recordset(…) of one JSON parameter (the writer now). */
  requestLogJson: { pg: 5, pglite: 19 },
  /** 16 concurrent callers, PostgreSQL: listJobs through Prisma (every variant) and the same SQL on node-postgres. */
  listJobsPerSecond: "2 300–2 900",
  bareDriverPerSecond: "6 000",
};

export function databaseKey(database: string): "pg" | "pglite" {
  return database.includes("PGlite") ? "pglite" : "pg";
}
