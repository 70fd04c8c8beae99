import { z } from "zod";
import type { DbClient } from "@/lib/db/transaction";
import { InvalidInputError } from "@/lib/errors";

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS = 366;
const isoDate = z.iso.date({ error: "Expected a date as YYYY-MM-DD" });

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days, inclusive). Default: the last 30 days up to today. */
export const usageQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export type UsageQuery = z.infer<typeof usageQuery>;

export type UsageDay = { date: string; total: number; byStatus: Record<string, number> };
export type UsageReport = { from: string; to: string; total: number; days: UsageDay[] };

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function usageRange(query: UsageQuery, now = new Date()): { from: string; to: string } {
  const to = query.to ?? day(now);
  const from = query.from ?? day(new Date(Date.parse(to) - 29 * DAY_MS));
  if (from > to) throw new InvalidInputError("`from` must not be after `to`");
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) throw new InvalidInputError(`At most ${MAX_DAYS} days per request`);
  return { from, to };
}

/**
 * This tenant's API requests per UTC day and status, from the request log. The log is written in
 * batches about once a second, so the last second's requests may not be counted yet.
 */
export async function usageForTenant(db: DbClient, tenantId: string, query: UsageQuery, now = new Date()): Promise<UsageReport> {
  const { from, to } = usageRange(query, now);
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS);
  const rows = await db.$queryRaw<{ day: string; status: number; count: number }[]>`
    SELECT to_char(("createdAt" AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, status, count(*)::int AS count
    FROM "ApiRequestLog"
    WHERE "companyId" = ${tenantId} AND "createdAt" >= ${start} AND "createdAt" < ${end}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  const days = new Map<string, UsageDay>();
  for (const row of rows) {
    const entry = days.get(row.day) ?? { date: row.day, total: 0, byStatus: {} };
    entry.total += Number(row.count);
    entry.byStatus[String(row.status)] = Number(row.count);
    days.set(row.day, entry);
  }
  const list = [...days.values()];
  return { from, to, total: list.reduce((sum, d) => sum + d.total, 0), days: list };
}
