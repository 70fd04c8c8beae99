/**
 * Figures from the investigation scripts, which `npm run bench` does not run (they need a database no
 * server holds): `npx tsx --conditions=react-server scripts/bench/request-log-cost.ts` and `scripts/bench/query-variants.ts`
 * with DATABASE_URL or KLAU_DATA_DIR set. Update them when you rerun those scripts.
 */
export const INVESTIGATION = {
  /** Node CPU per logged request of the request-log flush (200-row batches): Prisma createMany. */
  requestLogPrisma: { pg: 142, pglite: 185 },
  /** The same batches as one INSERT … SELECT FROM unnest(…) of one array per column (the writer of commit 89456a7). */
  requestLogUnnest: { pg: 7, pglite: 45 },
  /** The same batches as one INSERT … SELECT FROM json_to_recordset(…) of one JSON parameter (the writer now), with PGlite still on the serving thread. */
  requestLogJson: { pg: 5, pglite: 19 },
  /** The writer now, with PGlite on its own thread: all threads' CPU, and the serving (main) thread's share. */
  requestLogJsonThreads: { pg: { cpu: 6, main: 5 }, pglite: { cpu: 21, main: 5 } },
  /**
   * Embedded, `GET /api/v1/jobs` direct key at saturation, µs per request (1 / throughput), the
   * request log on and off (an A/B build; bare route 448–455 µs in each run): PGlite on the serving
   * thread, then on its own thread.
   */
  embeddedLogOnOff: { inProcess: { on: 525, off: 478 }, ownThread: { on: 511, off: 513 } },
  /** 16 concurrent callers, PostgreSQL: listJobs through Prisma (every variant) and the same SQL on node-postgres. */
  listJobsPerSecond: "2 300–2 900",
  bareDriverPerSecond: "6 000",
};

export function databaseKey(database: string): "pg" | "pglite" {
  return database.includes("PGlite") ? "pglite" : "pg";
}
