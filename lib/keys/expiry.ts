/**
 * Key lifetimes: the choices the create dialog offers and the tenant's maximum. Plain data and pure
 * functions (no zod) so the dialog can use them too.
 */
export const EXPIRY_PRESET_DAYS = [30, 90, 365] as const;
/** The longest lifetime a key may have at all, and the largest "maximum key lifetime" a tenant may set. */
export const MAX_KEY_LIFETIME_DAYS = 3650;

const DAY_MS = 86_400_000;

/** How the creator chose the expiry: a number of days from now, a calendar day (UTC), or never. */
export type KeyExpiry = { kind: "days"; days: number } | { kind: "date"; date: string } | { kind: "never" };

/** Why an expiry is not allowed, or null. `maxDays` is the tenant's maximum key lifetime (null: none). */
export function expiryProblem(expiry: KeyExpiry, maxDays: number | null, now: Date = new Date()): string | null {
  const limit = maxDays ?? MAX_KEY_LIFETIME_DAYS;
  const tooLong = maxDays ? `This company allows keys to live at most ${maxDays} days` : `Keys may live at most ${MAX_KEY_LIFETIME_DAYS} days`;
  if (expiry.kind === "never") return maxDays ? `${tooLong}: choose an expiry` : null;
  if (expiry.kind === "days") return expiry.days > limit ? tooLong : null;
  const end = endOfDay(expiry.date);
  if (Number.isNaN(end.getTime())) return "Choose a valid date";
  if (end.getTime() <= now.getTime()) return "Choose a date in the future";
  // A calendar day is allowed when it is no later than the day the limit ends on.
  return expiry.date > dayString(new Date(now.getTime() + limit * DAY_MS)) ? tooLong : null;
}

/** When a key with this expiry stops working (null: never). A date means the end of that day, UTC. */
export function expiresAtFor(expiry: KeyExpiry, now: Date = new Date()): Date | null {
  if (expiry.kind === "never") return null;
  if (expiry.kind === "days") return new Date(now.getTime() + expiry.days * DAY_MS);
  return endOfDay(expiry.date);
}

function endOfDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS);
}

export function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}
