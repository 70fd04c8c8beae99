/**
 * The SQL Prisma sends for `listJobs(db, tenant, { date, limit: 25 })` (seen with `log: ["query"]`),
 * hand-written, to price Prisma's own share of the jobs query against the bare driver.
 */
export const JOBS_DAY_SQL =
  'SELECT "id", "companyId", "customerId", "siteId", "materialId", "serviceDate", "type"::text, "status"::text, "containerSize", "notes", "createdAt", "updatedAt" FROM "public"."Job" WHERE "serviceDate" = $1 AND "companyId" = $2 ORDER BY "createdAt" ASC, "id" ASC LIMIT $3';

export function jobsDayParams(tenantId: string, day: string): [Date, string, number] {
  return [new Date(`${day}T00:00:00.000Z`), tenantId, 26];
}
