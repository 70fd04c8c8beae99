import { z } from "zod";
import { displayName, entityId, scopeList } from "@/lib/tenancy/schemas";

/** Input schemas for API keys, shared by the operator CLI and the developer-settings forms. */
export const keyOwner = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("company"), companyId: entityId }),
  z.object({ kind: z.literal("vendor"), vendorId: entityId }),
]);
export type KeyOwner = z.output<typeof keyOwner>;

export const MAX_KEY_LIFETIME_DAYS = 3650;
export const expiresInDays = z
  .int("must be a whole number of days")
  .min(1, "must be at least 1 day")
  .max(MAX_KEY_LIFETIME_DAYS, `must be at most ${MAX_KEY_LIFETIME_DAYS} days`);

export const createKeyInput = z.object({
  owner: keyOwner,
  name: displayName,
  scopes: scopeList,
  expiresInDays: expiresInDays.optional(),
});
export type CreateKeyInput = z.output<typeof createKeyInput>;

export const rollKeyInput = z.object({ expiresInDays: expiresInDays.optional() });
export type RollKeyInput = z.output<typeof rollKeyInput>;
