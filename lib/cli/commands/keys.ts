import "server-only";
import { z } from "zod";
import { ROLL_GRACE_VALUES } from "@/lib/keys/roll-grace";
import { createKeyInput, expiresInDays, type KeyOwner, keyName, rollGrace } from "@/lib/keys/schemas";
import { entityId } from "@/lib/tenancy/schemas";
import { defineCommand } from "../define-command";
import { csvScopes, exactlyOne, wholeNumber } from "../flags";

const keys = () => import("@/lib/keys/service");

const ownerFlags = { company: entityId.optional(), vendor: entityId.optional() };

function owner(f: { company?: string; vendor?: string }): KeyOwner {
  return f.company !== undefined ? { kind: "company", companyId: f.company } : { kind: "vendor", vendorId: f.vendor ?? "" };
}

const days = wholeNumber.pipe(expiresInDays);
const keyId = [{ name: "id", label: "KEY_ID" }] as const;

export const keysCreate = defineCommand({
  name: "keys create",
  summary: "Create a direct key (company/division) or a vendor key; prints the secret once",
  usage: "(--company ID | --vendor ID) --name NAME --scopes s1,s2 [--expires-in-days D]",
  options: { company: "string", vendor: "string", name: "string", scopes: "string", "expires-in-days": "string" },
  input: z
    .object({ ...ownerFlags, name: keyName, scopes: csvScopes, "expires-in-days": days.optional() })
    .refine(...exactlyOne(["company", "vendor"]))
    .transform(
      (f): z.input<typeof createKeyInput> => ({
        owner: owner(f),
        name: f.name,
        scopes: f.scopes,
        expiry: f["expires-in-days"] ? { kind: "days", days: f["expires-in-days"] } : undefined,
      }),
    )
    .pipe(createKeyInput),
  run: async ({ db, scope, actor }, input) => (await keys()).createKey(db, scope, actor, input),
});

export const keysList = defineCommand({
  name: "keys list",
  summary: "List the keys of a company/division or vendor (never the secret)",
  usage: "(--company ID | --vendor ID)",
  options: { company: "string", vendor: "string" },
  input: z
    .object(ownerFlags)
    .refine(...exactlyOne(["company", "vendor"]))
    .transform(owner),
  run: async ({ db, scope }, input) => (await keys()).listKeys(db, scope, input),
});

export const keysRevoke = defineCommand({
  name: "keys revoke",
  summary: "Revoke a key at once (revoking a revoked key returns it unchanged)",
  usage: "KEY_ID",
  options: {},
  positionals: keyId,
  input: z.object({ id: entityId }),
  run: async ({ db, scope, actor }, input) => (await keys()).revokeKey(db, scope, actor, input.id),
});

export const keysRoll = defineCommand({
  name: "keys roll",
  summary: "Replace a key with a new secret (same owner, name, scopes); the old one stops at once or after --grace",
  usage: `KEY_ID [--expires-in-days D] [--grace ${ROLL_GRACE_VALUES.join("|")}]`,
  options: { "expires-in-days": "string", grace: "string" },
  positionals: keyId,
  input: z.object({ id: entityId, "expires-in-days": days.optional(), grace: rollGrace.optional() }),
  run: async ({ db, scope, actor }, input) =>
    (await keys()).rollKey(db, scope, actor, input.id, { expiresInDays: input["expires-in-days"], grace: input.grace }),
});
