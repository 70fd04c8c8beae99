import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor } from "../shared/cursor";
import type { ListJobsQuery } from "./schemas";

/**
 * The jobs list as one parameterized SQL statement (run by `selectRows`), not `findMany`: it is
 * the read integrations poll (a dispatch board asks for today's jobs every few seconds), and the
 * one whose every request queries once the tenant's data changed. Measured on the API fast path
 * (docs/PERFORMANCE.md, issue 14): Prisma's query builder plus a `Date` per timestamp, built
 * through Next's `Date` wrapper and formatted back by `toJob`, cost about a third of such a read.
 * Here PostgreSQL writes the response's strings itself, so a row is already a `Job`, and only text
 * and int columns come back: `selectRows` may skip Prisma's client for it (lib/db/pool-statements.ts).
 *
 * Every value is a bound parameter. The tenant is always the first condition and comes only from
 * the caller's `tenantId`, as `ownedBy` guarantees for the typed queries.
 */

/** ISO 8601 in UTC with milliseconds: what `Date#toISOString` writes (the columns are timestamptz(3)). */
const isoUtc = (column: string) => `to_char("${column}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${column}"`;

/** The columns in `toJob`'s order and format, so a listed job is byte for byte the job `getJob` returns. */
const JOB_COLUMNS = Prisma.raw(
  [
    `"id"`,
    `"customerId"`,
    `"siteId"`,
    `"materialId"`,
    `to_char("serviceDate", 'YYYY-MM-DD') AS "serviceDate"`,
    `"type"::text AS "type"`,
    `"status"::text AS "status"`,
    `"containerSize"`,
    `"notes"`,
    isoUtc("createdAt"),
    isoUtc("updatedAt"),
  ].join(", "),
);

function conditions(tenantId: string, query: ListJobsQuery): Prisma.Sql[] {
  const where = [Prisma.sql`"companyId" = ${tenantId}`];
  if (query.date) where.push(Prisma.sql`"serviceDate" = ${query.date}::date`);
  if (query.from) where.push(Prisma.sql`"serviceDate" >= ${query.from}::date`);
  if (query.to) where.push(Prisma.sql`"serviceDate" <= ${query.to}::date`);
  if (query.status) where.push(Prisma.sql`"status" = ${query.status}::"JobStatus"`);
  if (query.customerId) where.push(Prisma.sql`"customerId" = ${query.customerId}`);
  if (query.cursor) {
    // Keyset order (createdAt, id), as `afterCursor` and `pageOrder` define it for the typed lists.
    const { createdAt, id } = decodeCursor(query.cursor);
    where.push(Prisma.sql`("createdAt", "id") > (${createdAt.toISOString()}::timestamptz, ${id})`);
  }
  return where;
}

/** One page of a tenant's jobs plus one row, which only tells whether another page exists. */
export function jobsPageSql(tenantId: string, query: ListJobsQuery): Prisma.Sql {
  return Prisma.sql`SELECT ${JOB_COLUMNS} FROM "Job" WHERE ${Prisma.join(conditions(tenantId, query), " AND ")} ORDER BY "createdAt" ASC, "id" ASC LIMIT ${query.limit + 1}`;
}
