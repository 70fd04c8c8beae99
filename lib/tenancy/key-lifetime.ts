import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { CompanyScope } from "./scope";

/**
 * A tenant's "maximum key lifetime": null means no maximum. Key creation (UI and CLI) refuses an
 * expiry beyond it, "never" included (lib/keys/expiry.ts).
 */
export type KeyLifetimeSettings = { maxKeyLifetimeDays: number | null };

export async function getKeyLifetimeSettings(db: Db, scope: CompanyScope): Promise<KeyLifetimeSettings> {
  const company = await db.company.findUnique({ where: { id: scope.companyId }, select: { maxKeyLifetimeDays: true } });
  if (!company) throw new NotFoundError("Company");
  return { maxKeyLifetimeDays: company.maxKeyLifetimeDays };
}

/** Sets or clears the maximum for the scope's company (not its divisions, which have their own), audited. */
export async function setMaxKeyLifetime(db: Db, scope: CompanyScope, actor: Actor, days: number | null): Promise<KeyLifetimeSettings> {
  return db.$transaction(async (tx) => {
    const before = await tx.company.findUnique({ where: { id: scope.companyId }, select: { maxKeyLifetimeDays: true } });
    if (!before) throw new NotFoundError("Company");
    if (before.maxKeyLifetimeDays === days) return { maxKeyLifetimeDays: days };
    await tx.company.update({ where: { id: scope.companyId }, data: { maxKeyLifetimeDays: days } });
    await recordAudit(tx, {
      actor,
      action: "company.key_lifetime_changed",
      target: { type: "company", id: scope.companyId },
      companyId: scope.companyId,
      metadata: { before: before.maxKeyLifetimeDays, after: days },
    });
    return { maxKeyLifetimeDays: days };
  });
}
