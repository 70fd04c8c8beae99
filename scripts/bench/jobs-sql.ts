import type { Db } from "@/lib/db/client";
import { jobsPageSql } from "@/lib/hauling/jobs/list-sql";
import { type ListJobsQuery, toJob } from "@/lib/hauling/jobs/schemas";
import { ownedBy } from "@/lib/hauling/shared/tenant";
import { afterCursor, pageOrder, toPage } from "@/lib/hauling/shared/cursor";
import { fromDay } from "@/lib/hauling/shared/dates";

/** The statement `listJobs` sends (lib/hauling/jobs/list-sql.ts), as text and values for the bare driver. */
export function jobsStatement(tenantId: string, query: ListJobsQuery): { text: string; values: unknown[] } {
  const sql = jobsPageSql(tenantId, query);
  return { text: sql.text, values: sql.values };
}

/**
 * The typed query `listJobs` ran until issue 14 (Prisma's `findMany`, then `toJob` per row), for a
 * day's list only: kept in the bench so its cost stays comparable with the statement that replaced it.
 */
export async function typedJobsOfDay(db: Db, tenantId: string, query: ListJobsQuery & { date: string }) {
  const rows = await db.job.findMany({
    where: { AND: [ownedBy(tenantId, { serviceDate: { equals: fromDay(query.date) } }), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toJob);
}
