"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { revokeKey } from "@/lib/keys/service";
import { endPartnership, requestMoreScopes, requestPartnership, withdrawRequest } from "@/lib/tenancy/partnership-requests";
import { partnershipIdInput, requestIdInput, requestMoreScopesInput, requestPartnershipInput } from "@/lib/tenancy/partnership-schemas";
import { entityId } from "@/lib/tenancy/schemas";

/** The vendor's own partnership requests and keys; every action is scoped to the user's vendor. */
function refresh(): void {
  revalidatePath("/vendor", "layout");
}

export const requestPartnershipAction = authorizedAction(
  { on: "vendor", permission: "vendor:partnerships", input: requestPartnershipInput },
  async ({ input, ctx }) => {
    const request = await requestPartnership(ctx.db, ctx.scope, ctx.actor, input);
    refresh();
    return { requestId: request.id, partnershipId: request.partnershipId };
  },
);

export const requestMoreScopesAction = authorizedAction(
  { on: "vendor", permission: "vendor:partnerships", input: requestMoreScopesInput },
  async ({ input, ctx }) => {
    const request = await requestMoreScopes(ctx.db, ctx.scope, ctx.actor, input);
    refresh();
    return { requestId: request.id, scopes: request.scopes };
  },
);

export const withdrawRequestAction = authorizedAction({ on: "vendor", permission: "vendor:partnerships", input: requestIdInput }, async ({ input, ctx }) => {
  await withdrawRequest(ctx.db, ctx.scope, ctx.actor, input.requestId);
  refresh();
  return null;
});

export const endPartnershipAction = authorizedAction({ on: "vendor", permission: "vendor:partnerships", input: partnershipIdInput }, async ({ input, ctx }) => {
  await endPartnership(ctx.db, ctx.scope, ctx.actor, input.partnershipId);
  refresh();
  return null;
});

/** A leaked key must not wait for an operator: any user of the vendor may revoke its keys at once. */
export const revokeVendorKeyAction = authorizedAction(
  { on: "vendor", permission: "vendor:keys", input: z.object({ keyId: entityId }) },
  async ({ input, ctx }) => {
    const key = await revokeKey(ctx.db, ctx.scope, ctx.actor, input.keyId);
    refresh();
    return { id: key.id, status: key.status };
  },
);
