import "server-only";
import type { ConsoleCall, ConsoleIdentity, ConsoleResponse } from "./call";
import { assertMethodAllowed, authorizationFor, type ConsoleUser, type IssuedConsoleCredential } from "./identity";
import { sendConsoleCall } from "./send";
import { consoleTarget } from "./target";

export type ConsoleEnvironment = {
  /** The app's auth secret (signs console credentials). */
  secret: string;
  /** This app, from itself (lib/console/target.ts `internalOrigin`). */
  origin: string;
  clientIp: string | null;
  /** Klau-Tenant-Id to send: the hauler a vendor chose; null for a tenant's own console. */
  tenantId: string | null;
  fetch?: typeof fetch;
  /** Audits a console credential minted for the call, before the call is sent. */
  onCredentialIssued?: (issued: IssuedConsoleCredential) => Promise<void>;
};

/**
 * One console call, checked in this order before anything is sent: the method against the role,
 * the target (this app's /api/v1 only), the identity (scopes within the role, or a key's format).
 */
export async function runConsoleCall(
  user: ConsoleUser,
  input: { call: ConsoleCall; identity: ConsoleIdentity },
  env: ConsoleEnvironment,
): Promise<ConsoleResponse> {
  assertMethodAllowed(user, input.call);
  consoleTarget(input.call.path, env.origin);
  const { header: authorization, issued } = authorizationFor(user, input.identity, env.secret);
  if (issued) await env.onCredentialIssued?.(issued);
  return sendConsoleCall(input.call, { authorization, tenantId: env.tenantId, clientIp: env.clientIp }, env.origin, env.fetch);
}
