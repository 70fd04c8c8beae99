import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/session-user-id";
import { getDb } from "@/lib/db/client";
import { clientIp } from "@/lib/ratelimit/client-ip";
import { createActionWrappers } from "./create-actions";
import { requestHeaders } from "@/lib/request-context/request-headers";

export type {
  ActionContext,
  ActionResult,
  OperatorActionContext,
  ServerAction,
  TenantActionContext,
  VendorActionContext,
} from "./create-actions";

/**
 * The only ways to write a server action (see create-actions.ts), bound to the request: the session
 * from Auth.js, the client IP as the rate limiter sees it, and Next's redirect/notFound passed through.
 *
 * ```ts
 * "use server";
 * export const revokeKeyAction = authorizedAction(
 *   { on: "tenant", permission: "keys:manage", input: z.object({ tenantId: entityId, keyId: entityId }) },
 *   ({ input, ctx }) => revokeKey(ctx.db, ctx.scope, ctx.actor, input.keyId),
 * );
 * ```
 */
export const { authorizedAction, publicAction } = createActionWrappers({
  getDb,
  getSessionUserId,
  getClientIp: async () => {
    const ip = clientIp(await requestHeaders());
    return ip === "unknown" ? null : ip;
  },
  rethrow: unstable_rethrow,
  logError: (error) => console.error("Server action failed:", error),
});
