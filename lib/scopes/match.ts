import type { Access, Resource, Scope } from "./catalog";

/** GET/HEAD read; every other method writes (spec §4). */
export function accessForMethod(method: string): Access {
  const m = method.toUpperCase();
  return m === "GET" || m === "HEAD" ? "read" : "write";
}

export function requiredScope(method: string, resource: Resource): Scope {
  return `${accessForMethod(method)}:${resource}`;
}

/** Does any granted scope cover `required`? `read:all` / `read:*` cover every `read:<resource>`. */
export function scopesAllow(granted: readonly string[], required: Scope): boolean {
  const [access] = required.split(":");
  return granted.some((s) => s === required || s === `${access}:all` || s === `${access}:*`);
}

/**
 * Effective scopes of a vendor key acting for a tenant: what the key holds ∩ what the tenant granted.
 * Checked per required scope so that wildcards on either side intersect correctly.
 */
export function vendorAllows(keyScopes: readonly string[], grantedScopes: readonly string[], required: Scope): boolean {
  return scopesAllow(keyScopes, required) && scopesAllow(grantedScopes, required);
}
