import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { AuditEventInput } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";

export type SignInAttempt = { email: string; ok: boolean; ip: string | null };

/**
 * Writes a sign-in (or a failed one: the password was checked and wrong) to the audit log of every
 * tenant the account belongs to, its vendor's log for a vendor user, and the operators' log for an
 * operator. An email with no account belongs to no tenant and writes nothing, which also bounds
 * what guessing can write; attempts the throttle refused before the password check write nothing
 * either (the failures that led to the lock are there).
 */
export async function recordSignIn(db: Db, attempt: SignInAttempt): Promise<void> {
  const user = await db.user.findFirst({
    where: { email: { equals: attempt.email, mode: "insensitive" } },
    select: { id: true, email: true, vendorId: true, memberships: { select: { companyId: true }, orderBy: { companyId: "asc" } } },
  });
  if (!user) return;
  const event: AuditEventInput = {
    // A failed attempt was made by someone at that address, not (we know) by the account's owner.
    actor: { userId: attempt.ok ? user.id : null, label: user.email, ip: attempt.ip },
    action: attempt.ok ? "user.signed_in" : "user.sign_in_failed",
    target: { type: "user", id: user.id },
  };
  const tenants = user.memberships.map((m) => ({ companyId: m.companyId, vendorId: null }));
  const owners = tenants.length > 0 ? tenants : [{ companyId: null, vendorId: user.vendorId }];
  await db.$transaction(async (tx) => {
    for (const owner of owners) await recordAudit(tx, { ...event, ...owner });
  });
}
