import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AccessScope } from "@/lib/tenancy/scope";
import { scopeSql } from "@/lib/tenancy/scope-rows";
import { quantileFromBuckets } from "./latency";
import { OUTCOMES, outcomeOf } from "./outcomes";
import { bucketStarts, DAY_MS, isoDay, type UsageRange } from "./range";
import type { UsageDay, UsageOutcomeCounts, UsagePoint, UsageReport } from "./usage-schema";

type Counts = UsageOutcomeCounts;
const zero = (): Counts => ({ "2xx": 0, "4xx": 0, "429": 0, "5xx": 0 });

/** Narrows the scope to one tenant (a vendor looking at one hauler) or one key. */
export type UsageFilter = { companyId?: string; apiKeyId?: string };

/** Hour ranges read the hourly roll-up, day ranges the daily one (about 24× fewer rows). */
function rollupOf(granularity: UsageRange["granularity"]): { table: Prisma.Sql; column: Prisma.Sql } {
  return granularity === "hour"
    ? { table: Prisma.raw(`"ApiUsageHourly"`), column: Prisma.raw(`"hour"`) }
    : { table: Prisma.raw(`"ApiUsageDaily"`), column: Prisma.raw(`"day"`) };
}

function whereOf(scope: AccessScope, range: UsageRange, filter: UsageFilter): Prisma.Sql {
  const { column } = rollupOf(range.granularity);
  const parts = [scopeSql(scope), Prisma.sql`${column} >= ${range.start}`, Prisma.sql`${column} < ${range.end}`];
  if (filter.companyId) parts.push(Prisma.sql`"companyId" = ${filter.companyId}`);
  if (filter.apiKeyId) parts.push(Prisma.sql`"apiKeyId" = ${filter.apiKeyId}`);
  return Prisma.join(parts, " AND ");
}

type StatusRow = { bucket: Date; status: number; latencyBucket: number; count: number };

/**
 * The usage page's figures (and GET /api/v1/usage's) for whatever the scope may see, read from the
 * hourly or daily roll-up (kept by a trigger on the request log): four small GROUP BYs over roll-up
 * rows, whatever the size of the log. Latency percentiles are bucket bounds.
 */
export async function usageReport(db: DbClient, scope: AccessScope, range: UsageRange, filter: UsageFilter = {}): Promise<UsageReport> {
  const where = whereOf(scope, range, filter);
  const { table, column } = rollupOf(range.granularity);
  const [statusRows, endpointRows, codeRows, identityRows] = await Promise.all([
    db.$queryRaw<StatusRow[]>`
      SELECT ${column} AS bucket, "status", "latencyBucket", sum("count")::int AS count
      FROM ${table} WHERE ${where} GROUP BY 1, 2, 3`,
    db.$queryRaw<{ method: string; route: string; total: number; errors: number }[]>`
      SELECT "method", "route", sum("count")::int AS total, (sum("count") FILTER (WHERE "status" >= 400))::int AS errors
      FROM ${table} WHERE ${where} GROUP BY 1, 2 ORDER BY total DESC, 2, 1 LIMIT 10`,
    db.$queryRaw<{ code: string; total: number }[]>`
      SELECT "errorCode" AS code, sum("count")::int AS total
      FROM ${table} WHERE ${where} AND "errorCode" <> '' GROUP BY 1 ORDER BY total DESC, 1`,
    db.$queryRaw<{ apiKeyId: string; consoleUserId: string; vendorId: string; total: number; errors: number }[]>`
      SELECT "apiKeyId", "consoleUserId", "vendorId", sum("count")::int AS total, (sum("count") FILTER (WHERE "status" >= 400))::int AS errors
      FROM ${table} WHERE ${where} GROUP BY 1, 2, 3 ORDER BY total DESC, 1, 2, 3`,
  ]);
  return {
    from: isoDay(range.start),
    to: isoDay(new Date(range.end.getTime() - 1)),
    granularity: range.granularity,
    ...summarize(range, statusRows),
    endpoints: endpointRows.map((r) => ({ method: r.method, route: r.route, total: Number(r.total), errors: Number(r.errors ?? 0) })),
    errorCodes: codeRows.map((r) => ({ code: r.code, total: Number(r.total) })),
    identities: identityRows.map((r) => ({
      apiKeyId: r.apiKeyId || null,
      consoleUserId: r.consoleUserId || null,
      vendorId: r.vendorId || null,
      total: Number(r.total),
      errors: Number(r.errors ?? 0),
    })),
  };
}

function summarize(range: UsageRange, rows: StatusRow[]) {
  const points = new Map(bucketStarts(range).map((s) => [s.getTime(), { counts: zero(), latency: new Map<number, number>() }]));
  const days = new Map<string, UsageDay>();
  const outcomes = zero();
  const latency = new Map<number, number>();
  for (const row of rows) {
    const count = Number(row.count);
    const bucket = new Date(row.bucket);
    const outcome = outcomeOf(row.status);
    outcomes[outcome] += count;
    latency.set(row.latencyBucket, (latency.get(row.latencyBucket) ?? 0) + count);
    const point = points.get(bucket.getTime());
    if (point) {
      point.counts[outcome] += count;
      point.latency.set(row.latencyBucket, (point.latency.get(row.latencyBucket) ?? 0) + count);
    }
    const date = isoDay(bucket);
    const day = days.get(date) ?? { date, total: 0, byStatus: {} };
    day.total += count;
    day.byStatus[String(row.status)] = (day.byStatus[String(row.status)] ?? 0) + count;
    days.set(date, day);
  }
  const series: UsagePoint[] = [...points].map(([start, p]) => ({
    start: new Date(start).toISOString(),
    total: OUTCOMES.reduce((sum, o) => sum + p.counts[o], 0),
    outcomes: p.counts,
    p50Ms: quantileFromBuckets(p.latency, 0.5),
    p95Ms: quantileFromBuckets(p.latency, 0.95),
  }));
  return {
    total: OUTCOMES.reduce((sum, o) => sum + outcomes[o], 0),
    outcomes,
    latency: { p50Ms: quantileFromBuckets(latency, 0.5), p95Ms: quantileFromBuckets(latency, 0.95) },
    series,
    days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/**
 * Requests per UTC day over the last `days` days for each key (the key list's sparkline and its
 * 30-day count). Keys outside the scope simply get no requests.
 */
export async function keyUsageSeries(
  db: DbClient,
  scope: AccessScope,
  keyIds: readonly string[],
  days = 30,
  now = new Date(),
): Promise<Map<string, { total: number; daily: number[] }>> {
  const end = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS);
  const start = new Date(end.getTime() - days * DAY_MS);
  const result = new Map(keyIds.map((id) => [id, { total: 0, daily: Array.from({ length: days }, () => 0) }]));
  if (keyIds.length === 0) return result;
  const rows = await db.$queryRaw<{ apiKeyId: string; day: Date; count: number }[]>`
    SELECT "apiKeyId", "day", sum("count")::int AS count
    FROM "ApiUsageDaily"
    WHERE ${scopeSql(scope)} AND "apiKeyId" = ANY(${[...keyIds]}::text[]) AND "day" >= ${start} AND "day" < ${end}
    GROUP BY 1, 2`;
  for (const row of rows) {
    const entry = result.get(row.apiKeyId);
    const index = Math.floor((new Date(row.day).getTime() - start.getTime()) / DAY_MS);
    if (!entry || index < 0 || index >= days) continue;
    entry.daily[index] = (entry.daily[index] ?? 0) + Number(row.count);
    entry.total += Number(row.count);
  }
  return result;
}

/** Requests and errors per tenant over the range, busiest first: a vendor's usage per hauler. */
export async function usageByTenant(db: DbClient, scope: AccessScope, range: UsageRange): Promise<{ companyId: string; total: number; errors: number }[]> {
  const where = whereOf(scope, range, {});
  const { table } = rollupOf(range.granularity);
  const rows = await db.$queryRaw<{ companyId: string; total: number; errors: number }[]>`
    SELECT "companyId", sum("count")::int AS total, (sum("count") FILTER (WHERE "status" >= 400))::int AS errors
    FROM ${table} WHERE ${where} GROUP BY 1 ORDER BY total DESC, 1`;
  return rows.map((r) => ({ companyId: r.companyId, total: Number(r.total), errors: Number(r.errors ?? 0) }));
}
