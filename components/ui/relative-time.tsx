const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const EXACT = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "3 minutes ago", "in 5 days", "just now". */
export function relativeTime(date: Date, now: Date = new Date()): string {
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return RELATIVE.format(Math.trunc(diff / ms), unit);
  }
  return "just now";
}

/** "Mar 4, 2026, 3:07 PM UTC": the same on server and client. */
export function exactTime(date: Date): string {
  return `${EXACT.format(date)} UTC`;
}

/**
 * A relative time with the exact time for mouse users (title) and screen readers (the datetime
 * text). Rendered on the server and again on the client, where "now" is a moment later: the text
 * may differ by a minute, which is not worth a hydration warning.
 */
export function RelativeTime({ date, now }: { date: Date; now?: Date }) {
  const exact = exactTime(date);
  return (
    <time dateTime={date.toISOString()} title={exact} suppressHydrationWarning>
      {relativeTime(date, now)}
    </time>
  );
}
