import { z } from "zod";
import { InvalidInputError } from "@/lib/errors";

const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
const MAX_DAYS = 366;
const isoDate = z.iso.date({ error: "Expected a date as YYYY-MM-DD" });

export const USAGE_PRESETS = ["24h", "7d", "30d"] as const;

/**
 * `?range=24h|7d|30d`, or `?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days, inclusive) for a custom range.
 * Default: the last 30 days. The usage page and GET /api/v1/usage read the same query.
 */
export const usageQuery = z.object({
  range: z.enum(USAGE_PRESETS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type UsageQuery = z.infer<typeof usageQuery>;

export type Granularity = "hour" | "day";
/** [start, end) in UTC, split into buckets of `granularity`. */
export type UsageRange = { start: Date; end: Date; granularity: Granularity; label: string };

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function floorTo(date: Date, ms: number): Date {
  return new Date(Math.floor(date.getTime() / ms) * ms);
}

export function usageRange(query: UsageQuery, now = new Date()): UsageRange {
  if (query.range && (query.from || query.to)) throw new InvalidInputError("Pass either `range` or `from`/`to`, not both");
  const today = floorTo(now, DAY_MS);
  if (query.range === "24h") {
    const end = new Date(floorTo(now, HOUR_MS).getTime() + HOUR_MS);
    return { start: new Date(end.getTime() - 24 * HOUR_MS), end, granularity: "hour", label: "Last 24 hours" };
  }
  if (query.range === "7d" || (!query.range && !query.from && !query.to) || query.range === "30d") {
    const days = query.range === "7d" ? 7 : 30;
    const end = new Date(today.getTime() + DAY_MS);
    return { start: new Date(end.getTime() - days * DAY_MS), end, granularity: "day", label: `Last ${days} days` };
  }
  const to = query.to ?? isoDay(now);
  const from = query.from ?? isoDay(new Date(Date.parse(to) - 29 * DAY_MS));
  if (from > to) throw new InvalidInputError("`from` must not be after `to`");
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_DAYS) throw new InvalidInputError(`At most ${MAX_DAYS} days per request`);
  const start = new Date(`${from}T00:00:00.000Z`);
  return {
    start,
    end: new Date(start.getTime() + days * DAY_MS),
    // One day is shown by the hour; longer ranges by the day.
    granularity: days === 1 ? "hour" : "day",
    label: from === to ? from : `${from} – ${to}`,
  };
}

/** The start of every bucket in the range, so charts show quiet hours and days as zero. */
export function bucketStarts(range: UsageRange): Date[] {
  const step = range.granularity === "hour" ? HOUR_MS : DAY_MS;
  const starts: Date[] = [];
  for (let t = range.start.getTime(); t < range.end.getTime(); t += step) starts.push(new Date(t));
  return starts;
}
