import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A key's state at a moment, from two timestamps. `revokedAt` is when the key stops working: in the
 * past for a revoked key, in the future while a rolled key's grace period runs ("retiring").
 */
export const KEY_STATUSES = ["active", "expiring", "retiring", "expired", "revoked"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

/** From this many days before expiry a key shows as "expiring" (and the list says "expires in N days"). */
export const EXPIRING_WITHIN_DAYS = 7;
const DAY_MS = 86_400_000;

type Timestamps = { revokedAt: Date | null; expiresAt: Date | null };

export function keyStatus(key: Timestamps, now = new Date()): KeyStatus {
  const t = now.getTime();
  if (key.revokedAt && key.revokedAt.getTime() <= t) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= t) return "expired";
  if (key.revokedAt) return "retiring";
  if (key.expiresAt && key.expiresAt.getTime() <= t + EXPIRING_WITHIN_DAYS * DAY_MS) return "expiring";
  return "active";
}

/** True while the API accepts the key (active, expiring or retiring). */
export function keyWorks(key: Timestamps, now = new Date()): boolean {
  const status = keyStatus(key, now);
  return status !== "revoked" && status !== "expired";
}

/** Every key but the revoked ones (`NOT revokedAt <= now` would also drop the NULLs in SQL). */
export function notRevokedWhere(now = new Date()): Prisma.ApiKeyWhereInput {
  return { OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] };
}

/** The rows in `status` at `now`, as a Prisma filter; the same rules as `keyStatus`. */
export function statusWhere(status: KeyStatus, now = new Date()): Prisma.ApiKeyWhereInput {
  const notRevoked = notRevokedWhere(now);
  const notExpired: Prisma.ApiKeyWhereInput = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS);
  switch (status) {
    case "revoked":
      return { revokedAt: { lte: now } };
    case "expired":
      return { AND: [notRevoked, { expiresAt: { lte: now } }] };
    case "retiring":
      return { AND: [{ revokedAt: { gt: now } }, notExpired] };
    case "expiring":
      return { revokedAt: null, expiresAt: { gt: now, lte: soon } };
    case "active":
      return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: soon } }] };
  }
}

/** Every key the API accepts at `now` (a Prisma filter). */
export function worksWhere(now = new Date()): Prisma.ApiKeyWhereInput {
  return { OR: (["active", "expiring", "retiring"] as const).map((s) => statusWhere(s, now)) };
}
