"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { maxKeyLifetime } from "@/lib/keys/schemas";
import { setMaxKeyLifetime } from "@/lib/tenancy/key-lifetime";
import { entityId } from "@/lib/tenancy/schemas";

export const setKeyLifetimeAction = authorizedAction(
  { on: "tenant", permission: "settings:manage", input: z.object({ tenantId: entityId, maxKeyLifetimeDays: maxKeyLifetime }) },
  ({ input, ctx }) => setMaxKeyLifetime(ctx.db, { ...ctx.scope, includeDivisions: false }, ctx.actor, input.maxKeyLifetimeDays),
);
