"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { listKeyPageWithUsage } from "@/lib/keys/key-page-usage";
import { keyListQuery } from "@/lib/keys/queries";
import { keyDescription, keyExpiry, keyName, rollGrace, updateKeyInput } from "@/lib/keys/schemas";
import { createKey, revokeKey, rollKey, updateKey } from "@/lib/keys/service";
import { entityId, scopeList } from "@/lib/tenancy/schemas";

const keyInput = z.object({ tenantId: entityId, keyId: entityId });

export const listKeysAction = authorizedAction(
  { on: "tenant", permission: "keys:read", input: keyListQuery.extend({ tenantId: entityId }) },
  ({ input, ctx }) => listKeyPageWithUsage(ctx.db, ctx.scope, input),
);

export const createKeyAction = authorizedAction(
  {
    on: "tenant",
    permission: "keys:manage",
    input: z.object({ tenantId: entityId, name: keyName, description: keyDescription, scopes: scopeList, expiry: keyExpiry }),
  },
  async ({ input, ctx }) => {
    const { tenantId, ...fields } = input;
    const created = await createKey(ctx.db, ctx.scope, ctx.actor, { owner: { kind: "company", companyId: tenantId }, ...fields });
    return { id: created.id, name: created.name, secret: created.key };
  },
);

export const updateKeyAction = authorizedAction(
  { on: "tenant", permission: "keys:manage", input: z.intersection(keyInput, updateKeyInput) },
  async ({ input, ctx }) => {
    const { tenantId: _tenantId, keyId, ...changes } = input;
    const key = await updateKey(ctx.db, ctx.scope, ctx.actor, keyId, changes);
    return { id: key.id, name: key.name };
  },
);

export const revokeKeyAction = authorizedAction({ on: "tenant", permission: "keys:manage", input: keyInput }, async ({ input, ctx }) => {
  const key = await revokeKey(ctx.db, ctx.scope, ctx.actor, input.keyId);
  return { id: key.id, name: key.name };
});

export const rollKeyAction = authorizedAction(
  { on: "tenant", permission: "keys:manage", input: keyInput.extend({ grace: rollGrace }) },
  async ({ input, ctx }) => {
    const created = await rollKey(ctx.db, ctx.scope, ctx.actor, input.keyId, { grace: input.grace });
    return { id: created.id, name: created.name, secret: created.key, replacesKeyId: created.replacesKeyId };
  },
);
