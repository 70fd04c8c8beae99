import type { Resource, Scope } from "@/lib/scopes/catalog";
import { requiredScope, scopesAllow } from "@/lib/scopes/match";
import { ApiError } from "../errors";

/**
 * Step 5: the scope the method + resource need (seed §4), checked against the key's scopes and,
 * for a vendor key, also against what the tenant granted (effective = key ∩ grant).
 */
export function authorize(
  method: string,
  resource: Resource,
  keyScopes: readonly string[],
  grantedScopes: readonly string[] | null,
): Scope {
  const scope = requiredScope(method, resource);
  if (!scopesAllow(keyScopes, scope)) {
    throw new ApiError("INSUFFICIENT_SCOPE", `This API key lacks the scope ${scope}`, { requiredScope: scope });
  }
  if (grantedScopes && !scopesAllow(grantedScopes, scope)) {
    throw new ApiError("INSUFFICIENT_SCOPE", `The tenant has not granted the scope ${scope} to this vendor`, {
      requiredScope: scope,
    });
  }
  return scope;
}
