import "server-only";
import { rateLimitIdentity } from "@/lib/ratelimit/identity";
import type { Resource } from "@/lib/scopes/catalog";
import { type ResolvedTenant, resolveTenant, TENANT_HEADER } from "./resolve-tenant";
import type { PipelineDeps } from "../deps";
import { ApiError } from "../errors";
import type { Principal } from "../principal";
import { authenticate } from "./authenticate";
import { authorize } from "./authorize";
import { rateLimit } from "./rate-limit";

/** What is known about the caller so far (filled in as steps succeed; read by the request log). */
export type Caller = {
  principal: Principal | null;
  resolved: ResolvedTenant | null;
  /** The scope that authorized the request (least-privilege suggestions count these). */
  scope: string | null;
  /** The error code answered, when the request failed. */
  errorCode: string | null;
};

/**
 * Steps 2–5: authenticate → resolve tenant → rate limit → authorize. The limiter also runs when
 * authentication or tenant resolution refused the caller (counted per client IP / per key owner) so
 * guessing keys or tenant ids is rate limited too; that refusal is reported once the limiter has
 * spoken. A lookup that could not run (database down) is answered 503 without counting.
 */
export async function admit(
  request: Request,
  resource: Resource | null,
  deps: PipelineDeps,
  headers: Headers,
  caller: Caller,
): Promise<{ principal: Principal; resolved: ResolvedTenant }> {
  let failure: unknown = null;
  try {
    caller.principal = await authenticate(request.headers, {
      lookup: deps.lookupKey,
      cache: deps.keyCache,
      consoleSecret: deps.consoleSecret,
    });
    caller.resolved = await resolveTenant(caller.principal, request.headers.get(TENANT_HEADER), deps.lookupPartnership, deps.partnershipCache);
  } catch (error) {
    // A lookup that failed (the database, not the caller) says nothing about the caller: answer at
    // once (503 + Retry-After via map-error) and count no point, or an outage would pour every
    // client into one bucket and leave them limited long after it ends.
    if (!(error instanceof ApiError)) throw error;
    // A verdict on the caller is counted (per IP / key owner), so guessing keys or tenants is limited.
    failure = error;
  }
  const identity = rateLimitIdentity(caller.principal, caller.resolved?.tenant.id ?? null, deps.clientIp(request.headers));
  await rateLimit(await deps.limiter(), identity, headers);
  const { principal, resolved } = caller;
  if (failure !== null || !principal || !resolved) throw failure ?? new Error("admit: caller not resolved");
  if (resource) caller.scope = authorize(request.method, resource, principal.scopes, resolved.grantedScopes);
  return { principal, resolved };
}
