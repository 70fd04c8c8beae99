import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { notifyChannel } from "@/lib/db/notify";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { emitKeyRevoked, KEY_REVOKED_CHANNEL } from "@/lib/keys/events";
import { editGrant } from "@/lib/tenancy/partnership-decisions";
import type { AccessScope } from "@/lib/tenancy/scope";
import { keySuggestions, partnershipSuggestions, type Suggestion } from "./suggest";

/** What the user confirmed: the subject and the exact scope list the dialog showed. */
export const reduceScopesInput = z.object({
  kind: z.enum(["key", "partnership"]),
  id: z.string().min(1).max(100),
  scopes: z.array(z.string().max(100)).min(1).max(100),
});
export type ReduceScopesInput = z.infer<typeof reduceScopesInput>;

function confirmed(suggestion: Suggestion, expected: readonly string[]): string[] {
  const suggested = suggestion.suggested;
  if (!suggested) throw new ConflictError("Nothing to reduce: every granted scope is in use");
  if ([...expected].sort().join(",") !== suggested.join(",")) {
    throw new ConflictError("Usage changed since the suggestion was shown; review the new suggestion and apply it again");
  }
  return suggested;
}

/**
 * "Reduce to used scopes": recomputes the suggestion on the server (a key or partnership outside
 * the scope is not found), applies it only if it is still the one the user confirmed, and audits
 * before/after. A key's cached verification is dropped at once, so the next request sees the new
 * scopes (the same drop-the-cache event revocation uses).
 */
export async function reduceToUsedScopes(db: Db, scope: AccessScope, actor: Actor, input: ReduceScopesInput, now = new Date()) {
  if (input.kind === "partnership") {
    // A vendor does not decide its own grant: only the company (or the operator) reduces it.
    if (scope.kind === "vendor") throw new NotFoundError("Partnership");
    const suggestion = (await partnershipSuggestions(db, scope, now)).find((p) => p.id === input.id);
    if (!suggestion) throw new NotFoundError("Partnership");
    const scopes = confirmed(suggestion, input.scopes);
    await editGrant(db, scope, actor, { partnershipId: suggestion.id, scopes });
    return { kind: input.kind, id: input.id, before: suggestion.granted, after: scopes };
  }
  const suggestion = (await keySuggestions(db, scope, now)).find((k) => k.id === input.id);
  if (!suggestion) throw new NotFoundError("API key");
  const scopes = confirmed(suggestion, input.scopes);
  const key = await db.$transaction(async (tx) => {
    // Conditional on the scopes the suggestion was computed from: a concurrent edit wins, not us.
    const { count } = await tx.apiKey.updateMany({ where: { id: suggestion.id, scopes: { equals: suggestion.granted } }, data: { scopes } });
    if (count === 0) throw new ConflictError("The key changed meanwhile; review the new suggestion");
    const updated = await tx.apiKey.findUniqueOrThrow({ where: { id: suggestion.id } });
    await recordAudit(tx, {
      actor,
      action: "api_key.scopes_reduced",
      target: { type: "api_key", id: updated.id },
      companyId: updated.companyId,
      vendorId: updated.vendorId,
      metadata: { name: updated.name, prefix: updated.prefix, before: { scopes: suggestion.granted }, after: { scopes } },
    });
    await notifyChannel(tx, KEY_REVOKED_CHANNEL, { id: updated.id, hash: updated.hash });
    return updated;
  });
  emitKeyRevoked({ id: key.id, hash: key.hash });
  return { kind: input.kind, id: input.id, before: suggestion.granted, after: scopes };
}
