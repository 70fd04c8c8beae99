import { z } from "zod";
import { entityId, scopeList } from "@/lib/tenancy/schemas";
import { MAX_KEY_LIFETIME_DAYS } from "./expiry";
import { KEY_DESCRIPTION_MAX, KEY_NAME_MAX } from "./limits";
import { ROLL_GRACE_VALUES } from "./roll-grace";

export { MAX_KEY_LIFETIME_DAYS } from "./expiry";

/** Input schemas for API keys, shared by the operator CLI and the developer-settings forms. */
export const keyOwner = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("company"), companyId: entityId }),
  z.object({ kind: z.literal("vendor"), vendorId: entityId }),
]);
export type KeyOwner = z.output<typeof keyOwner>;

export const keyName = z.string().trim().min(1, "Enter a name").max(KEY_NAME_MAX, `At most ${KEY_NAME_MAX} characters`);
/** Empty means none. */
export const keyDescription = z
  .string()
  .trim()
  .max(KEY_DESCRIPTION_MAX, `At most ${KEY_DESCRIPTION_MAX} characters`)
  .transform((v) => (v === "" ? null : v));

export const expiresInDays = z
  .int("must be a whole number of days")
  .min(1, "must be at least 1 day")
  .max(MAX_KEY_LIFETIME_DAYS, `must be at most ${MAX_KEY_LIFETIME_DAYS} days`);

export const keyExpiry = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("days"), days: z.coerce.number().pipe(expiresInDays) }),
  z.object({ kind: z.literal("date"), date: z.iso.date("Choose a date") }),
  z.object({ kind: z.literal("never") }),
]);

export const createKeyInput = z.object({
  owner: keyOwner,
  name: keyName,
  description: keyDescription.optional(),
  scopes: scopeList,
  /** Omitted: never expires (the CLI's default), unless the tenant has a maximum key lifetime. */
  expiry: keyExpiry.optional(),
});
export type CreateKeyInput = z.output<typeof createKeyInput>;

export const updateKeyInput = z
  .object({ name: keyName.optional(), description: keyDescription.optional(), scopes: scopeList.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined || v.scopes !== undefined, {
    message: "Nothing to change",
  });
export type UpdateKeyInput = z.output<typeof updateKeyInput>;

export const rollGrace = z.enum(ROLL_GRACE_VALUES);

export const rollKeyInput = z.object({ expiresInDays: expiresInDays.optional(), grace: rollGrace.default("now") });
export type RollKeyInput = z.input<typeof rollKeyInput>;

/** The tenant's maximum key lifetime in days; null removes the maximum. */
export const maxKeyLifetime = z.union([z.coerce.number().pipe(expiresInDays), z.null()]);

export const MAX_LEAKED_KEYS = 100;

/** `POST /api/v1/keys/revoke-leaked`: the raw secrets someone found. */
export const leakedKeysBody = z
  .strictObject({
    keys: z
      .array(z.string().max(200, "is not a Klau API key"))
      .min(1, "needs at least one key")
      .max(MAX_LEAKED_KEYS, `at most ${MAX_LEAKED_KEYS} keys per request`)
      .meta({ description: "Full `kl_live_…` secrets, as found", example: ["kl_live_…"] }),
  })
  .meta({ id: "LeakedKeysReport" });
