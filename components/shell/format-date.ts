const FORMAT = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** A stable, readable date ("Mar 4, 2026") rendered the same on server and client. */
export function formatDate(date: Date): string {
  return FORMAT.format(date);
}
