import { z } from "zod";
import { actionRoute } from "@/lib/http/action-route";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/permissions";
import { consoleCall, consoleIdentity } from "@/lib/console/call";
import { recordConsoleCredential } from "@/lib/console/audit";
import { consoleEnvironment } from "@/lib/console/environment";
import type { ConsoleUser } from "@/lib/console/identity";
import { runConsoleCall } from "@/lib/console/run";

const SendInput = z.object({ tenantId: z.string().min(1).max(64), call: consoleCall, identity: consoleIdentity });

/** Sends one console call for this tenant through this app's /api/v1 (members: GET only). */
const sendConsoleCallAction = authorizedAction({ on: "tenant", permission: "console:read", input: SendInput }, ({ input, ctx }) => {
  const user: ConsoleUser = {
    userId: ctx.user.id,
    email: ctx.user.email,
    canWrite: can(ctx.role, "console:write"),
    binding: { kind: "DIRECT", tenant: { id: ctx.tenant.id, name: ctx.tenant.name, parentId: ctx.tenant.parentId }, vendorId: null },
  };
  return runConsoleCall(user, input, {
    ...consoleEnvironment(ctx.actor.ip ?? null, null),
    onCredentialIssued: (issued) => recordConsoleCredential(ctx.db, ctx.actor, user, issued, null),
  });
});

/** POST: the console page's send (lib/http/action-route.ts: same-origin JSON; the action does every check). */
export const POST = actionRoute(sendConsoleCallAction);
