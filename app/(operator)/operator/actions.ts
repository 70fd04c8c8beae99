"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { createKeyInput, rollKeyInput } from "@/lib/keys/schemas";
import { createKey, revokeKey, rollKey } from "@/lib/keys/service";
import { revokePartnershipAccess } from "@/lib/tenancy/partnership-decisions";
import { partnershipIdInput } from "@/lib/tenancy/partnership-schemas";
import { createVendorInput, displayName, entityId } from "@/lib/tenancy/schemas";
import { createVendor } from "@/lib/tenancy/vendors";
import { generateInitialPassword } from "@/lib/users/initial-password";
import { email } from "@/lib/users/schemas";
import { createUser } from "@/lib/users/service";

/** Platform operators: vendor accounts, their users and keys, and any partnership in an emergency. */
const operator = { on: "operator", permission: "operator:manage" } as const;

function refresh(): void {
  revalidatePath("/operator", "layout");
}

export const createVendorAction = authorizedAction({ ...operator, input: createVendorInput }, async ({ input, ctx }) => {
  const vendor = await createVendor(ctx.db, ctx.scope, ctx.actor, input);
  refresh();
  return { id: vendor.id, name: vendor.name };
});

/** The initial password is generated here and returned once; only its bcrypt hash is stored. */
export const createVendorUserAction = authorizedAction(
  { ...operator, input: z.object({ vendorId: entityId, email, name: displayName.optional() }) },
  async ({ input, ctx }) => {
    const password = generateInitialPassword();
    const user = await createUser(ctx.db, ctx.scope, ctx.actor, {
      email: input.email,
      name: input.name,
      password,
      account: { kind: "vendor", vendorId: input.vendorId },
    });
    refresh();
    return { id: user.id, email: user.email, password };
  },
);

const vendorKey = createKeyInput.omit({ owner: true }).extend({ vendorId: entityId });

export const createVendorKeyAction = authorizedAction({ ...operator, input: vendorKey }, async ({ input, ctx }) => {
  const { vendorId, ...rest } = input;
  const created = await createKey(ctx.db, ctx.scope, ctx.actor, { ...rest, owner: { kind: "vendor", vendorId } });
  refresh();
  return created;
});

/**
 * No revalidation here: the old key's row (which holds the dialog showing the new secret) would
 * re-render without its actions and lose the secret. The page refreshes when that dialog closes.
 */
export const rollVendorKeyAction = authorizedAction({ ...operator, input: rollKeyInput.extend({ keyId: entityId }) }, async ({ input, ctx }) => {
  const { keyId, ...rest } = input;
  return rollKey(ctx.db, ctx.scope, ctx.actor, keyId, rest);
});

export const revokeKeyAsOperatorAction = authorizedAction({ ...operator, input: z.object({ keyId: entityId }) }, async ({ input, ctx }) => {
  const key = await revokeKey(ctx.db, ctx.scope, ctx.actor, input.keyId);
  refresh();
  return { id: key.id, status: key.status };
});

/** Emergency revoke of any partnership (final, like a company's revoke). */
export const emergencyRevokeAction = authorizedAction({ ...operator, input: partnershipIdInput }, async ({ input, ctx }) => {
  const p = await revokePartnershipAccess(ctx.db, ctx.scope, ctx.actor, input.partnershipId);
  refresh();
  return { status: p.status.toLowerCase() };
});
