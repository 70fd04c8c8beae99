"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { approveRequest, denyRequest, editGrant, resumePartnership, revokePartnershipAccess, suspendPartnership } from "@/lib/tenancy/partnership-decisions";
import { approveRequestInput, denyRequestInput, editGrantInput, partnershipIdInput } from "@/lib/tenancy/partnership-schemas";
import { entityId } from "@/lib/tenancy/schemas";

/** The company's decisions on vendor partnerships: admins and corporate users (partnerships:decide). */
const tenant = { tenantId: entityId };

function refresh(tenantId: string): void {
  // The sidebar badge (layout) and every partners/data-access page of this tenant.
  revalidatePath(`/${tenantId}/settings/developer`, "layout");
}

const decide = { on: "tenant", permission: "partnerships:decide" } as const;

export const approveRequestAction = authorizedAction({ ...decide, input: approveRequestInput.extend(tenant) }, async ({ input, ctx }) => {
  const request = await approveRequest(ctx.db, ctx.scope, ctx.actor, input);
  refresh(input.tenantId);
  return { approvedScopes: request.approvedScopes };
});

export const denyRequestAction = authorizedAction({ ...decide, input: denyRequestInput.extend(tenant) }, async ({ input, ctx }) => {
  await denyRequest(ctx.db, ctx.scope, ctx.actor, input);
  refresh(input.tenantId);
  return null;
});

export const editGrantAction = authorizedAction({ ...decide, input: editGrantInput.extend(tenant) }, async ({ input, ctx }) => {
  const p = await editGrant(ctx.db, ctx.scope, ctx.actor, input);
  refresh(input.tenantId);
  return { scopes: p.scopes };
});

const change = partnershipIdInput.extend({ ...tenant, to: z.enum(["suspended", "active", "revoked"]) });

/** Suspend, resume or revoke (final) one partnership. */
export const changePartnershipStatusAction = authorizedAction({ ...decide, input: change }, async ({ input, ctx }) => {
  const run = { suspended: suspendPartnership, active: resumePartnership, revoked: revokePartnershipAccess }[input.to];
  const p = await run(ctx.db, ctx.scope, ctx.actor, input.partnershipId);
  refresh(input.tenantId);
  return { status: p.status.toLowerCase() };
});
