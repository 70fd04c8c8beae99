import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import type { ConsoleUser, IssuedConsoleCredential } from "./identity";

/**
 * "Console credential issued" in the audit log: who, for which tenant (a vendor's: the hauler it
 * acts for, in both logs), with which scopes and until when. Never the token.
 */
export async function recordConsoleCredential(
  db: Db,
  actor: Actor,
  user: ConsoleUser,
  issued: IssuedConsoleCredential,
  haulerId: string | null,
): Promise<void> {
  await recordAudit(db, {
    actor,
    action: "console.credential_issued",
    target: { type: "user", id: user.userId },
    companyId: user.binding.tenant?.id ?? haulerId,
    vendorId: user.binding.vendorId,
    metadata: { kind: user.binding.kind === "VENDOR" ? "vendor" : "direct", scopes: issued.scopes, expiresAt: issued.expiresAt.toISOString() },
  });
}
