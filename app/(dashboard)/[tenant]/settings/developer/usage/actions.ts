"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { reduceToUsedScopes } from "@/lib/least-privilege/apply";
import { entityId } from "@/lib/tenancy/schemas";

const ReduceInput = z.object({ tenantId: entityId, id: entityId, scopes: z.array(z.string().max(100)).min(1).max(100) });

/** "Reduce to used scopes" for a key: the server recomputes the suggestion and applies it only if unchanged. */
export const reduceKeyScopesAction = authorizedAction({ on: "tenant", permission: "keys:manage", input: ReduceInput }, async ({ input, ctx }) => {
  const result = await reduceToUsedScopes(ctx.db, ctx.scope, ctx.actor, { kind: "key", id: input.id, scopes: input.scopes });
  revalidatePath(`/${input.tenantId}/settings/developer/usage`);
  return result;
});

/** The same for a vendor partnership's grant. */
export const reducePartnershipScopesAction = authorizedAction(
  { on: "tenant", permission: "partnerships:decide", input: ReduceInput },
  async ({ input, ctx }) => {
    const result = await reduceToUsedScopes(ctx.db, ctx.scope, ctx.actor, { kind: "partnership", id: input.id, scopes: input.scopes });
    revalidatePath(`/${input.tenantId}/settings/developer/usage`);
    return result;
  },
);
