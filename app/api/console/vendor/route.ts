import { z } from "zod";
import { actionRoute } from "@/lib/http/action-route";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { can } from "@/lib/auth/permissions";
import { consoleCall, consoleIdentity } from "@/lib/console/call";
import { recordConsoleCredential } from "@/lib/console/audit";
import { consoleEnvironment } from "@/lib/console/environment";
import { activeHauler } from "@/lib/console/haulers";
import type { ConsoleUser } from "@/lib/console/identity";
import { runConsoleCall } from "@/lib/console/run";

const SendInput = z.object({ haulerId: z.uuid("Choose a hauler"), call: consoleCall, identity: consoleIdentity });

/** Sends one console call for a hauler the vendor has an active partnership with (Klau-Tenant-Id set). */
const sendVendorConsoleCallAction = authorizedAction({ on: "vendor", permission: "console:read", input: SendInput }, async ({ input, ctx }) => {
  const hauler = await activeHauler(ctx.db, ctx.scope, input.haulerId);
  const user: ConsoleUser = {
    userId: ctx.user.id,
    email: ctx.user.email,
    canWrite: can(ctx.role, "console:write"),
    binding: { kind: "VENDOR", tenant: null, vendorId: ctx.vendor.id },
  };
  return runConsoleCall(user, input, {
    ...consoleEnvironment(ctx.actor.ip ?? null, hauler.id),
    onCredentialIssued: (issued) => recordConsoleCredential(ctx.db, ctx.actor, user, issued, hauler.id),
  });
});

/** POST: the console page's send (lib/http/action-route.ts: same-origin JSON; the action does every check). */
export const POST = actionRoute(sendVendorConsoleCallAction);
