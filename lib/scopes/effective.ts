import { type Access, RESOURCES, type Resource, type Scope } from "./catalog";
import { scopesAllow } from "./match";

/** Why a request needing `scope` is refused: the key's own scopes, or what the tenant granted. */
export type MissingScope = { side: "key" | "grant"; scope: Scope; message: string };

/**
 * The one wording of a missing scope, used by the API's 403 (lib/api/steps/authorize.ts) and by the
 * effective-access views, so that the page explains exactly what the API answers. `grantedScopes` is
 * null for a direct key (no partnership involved). The key is checked first, as the API does.
 */
export function missingScope(keyScopes: readonly string[], grantedScopes: readonly string[] | null, scope: Scope): MissingScope | null {
  if (!scopesAllow(keyScopes, scope)) return { side: "key", scope, message: `This API key lacks the scope ${scope}` };
  if (grantedScopes && !scopesAllow(grantedScopes, scope)) {
    return { side: "grant", scope, message: `The tenant has not granted the scope ${scope} to this vendor` };
  }
  return null;
}

export type EffectiveAccessRow = {
  resource: Resource;
  read: MissingScope | null;
  write: MissingScope | null;
};

/** Per resource: may the key read / write it for this tenant, and if not, which side lacks it. */
export function effectiveAccess(keyScopes: readonly string[], grantedScopes: readonly string[] | null): EffectiveAccessRow[] {
  const check = (access: Access, resource: Resource) => missingScope(keyScopes, grantedScopes, `${access}:${resource}`);
  return RESOURCES.map((resource) => ({ resource, read: check("read", resource), write: check("write", resource) }));
}

/** The resource scopes a key may use for a tenant (wildcards expanded), in catalog order. */
export function effectiveScopes(keyScopes: readonly string[], grantedScopes: readonly string[] | null): Scope[] {
  return effectiveAccess(keyScopes, grantedScopes).flatMap((row) => [
    ...(row.read ? [] : [`read:${row.resource}` as const]),
    ...(row.write ? [] : [`write:${row.resource}` as const]),
  ]);
}
