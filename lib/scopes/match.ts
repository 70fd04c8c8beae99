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
