import "server-only";
import type { Resource, Scope } from "@/lib/scopes/catalog";
import { missingScope } from "@/lib/scopes/effective";
import { requiredScope } from "@/lib/scopes/match";
import { ApiError } from "../errors";

/**
 * Step 5: the scope the method + resource need (seed §4), checked against the key's scopes and,
 * for a vendor key, also against what the tenant granted (effective = key ∩ grant). The wording
 * comes from `missingScope`, which the effective-access pages show too.
 */
export function authorize(method: string, resource: Resource, keyScopes: readonly string[], grantedScopes: readonly string[] | null): Scope {
  const scope = requiredScope(method, resource);
  const missing = missingScope(keyScopes, grantedScopes, scope);
  if (missing) throw new ApiError("INSUFFICIENT_SCOPE", missing.message, { requiredScope: scope });
  return scope;
}
