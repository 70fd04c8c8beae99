import type { Db } from "@/lib/db/client";
import { type ListJobsQuery, toJob } from "@/lib/hauling/jobs/schemas";
import { ownedBy } from "@/lib/hauling/shared/tenant";
import { afterCursor, pageOrder, toPage } from "@/lib/hauling/shared/cursor";
import { fromDay } from "@/lib/hauling/shared/dates";

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
