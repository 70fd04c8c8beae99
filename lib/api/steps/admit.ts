import type { KeyRecord } from "@/lib/keys/cache";
import { rateLimitIdentity } from "@/lib/ratelimit/identity";
import type { Resource } from "@/lib/scopes/catalog";
import { type ResolvedTenant, resolveTenant, TENANT_HEADER } from "@/lib/tenancy/resolve";
import type { PipelineDeps } from "../deps";
import { authenticate } from "./authenticate";
import { authorize } from "./authorize";
import { rateLimit } from "./rate-limit";

/** What is known about the caller so far (filled in as steps succeed; read by the request log). */
export type Caller = {
  key: KeyRecord | null;
  resolved: ResolvedTenant | null;
  /** The scope that authorized the request (least-privilege suggestions count these). */
  scope: string | null;
  /** The error code answered, when the request failed. */
  errorCode: string | null;
};

/**
 * Steps 2–5: authenticate → resolve tenant → rate limit → authorize. The limiter also runs when
 * authentication or tenant resolution failed (counted per client IP / per key owner) so guessing
 * keys or tenant ids is rate limited too; that failure is reported once the limiter has spoken.
 */
export async function admit(
  request: Request,
  resource: Resource | null,
  deps: PipelineDeps,
  headers: Headers,
  caller: Caller,
): Promise<{ key: KeyRecord; resolved: ResolvedTenant }> {
  let failure: unknown = null;
  try {
    caller.key = await authenticate(request.headers, deps.lookupKey, deps.keyCache);
    caller.resolved = await resolveTenant(
      caller.key,
      request.headers.get(TENANT_HEADER),
      deps.lookupPartnership,
      deps.partnershipCache,
    );
  } catch (error) {
    // Counted anyway (per IP / key owner), so failures carry rate-limit headers and guessing is limited.
    failure = error;
  }
  const identity = rateLimitIdentity(caller.key, caller.resolved?.tenant.id ?? null, deps.clientIp(request.headers));
  await rateLimit(await deps.limiter(), identity, headers);
  const { key, resolved } = caller;
  if (failure !== null || !key || !resolved) throw failure ?? new Error("admit: caller not resolved");
  if (resource) caller.scope = authorize(request.method, resource, key.scopes, resolved.grantedScopes);
  return { key, resolved };
}
