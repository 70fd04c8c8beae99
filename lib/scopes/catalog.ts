/**
 * The one catalog of API resources and scopes (spec §4). The scope picker, presets, CLI validation,
 * the authorizer and the OpenAPI notes are all derived from this table.
 */
export const RESOURCES = [
  "jobs",
  "drivers",
  "trucks",
  "dispatches",
  "customers",
  "sites",
  "yards",
  "dump-sites",
  "companies",
  "communications",
  "import",
  "integrations",
  "search",
  "usage",
  "coaching",
  "settings",
  "billing",
  "webhooks",
  "materials",
  "reports",
  "regions",
  "intelligence",
  "storefronts",
  "dump-tickets",
  "crm",
  "orders",
  "automations",
  "export",
  "jurisdictions",
] as const;

export type Resource = (typeof RESOURCES)[number];
export type Access = "read" | "write";
export type ResourceScope = `${Access}:${Resource}`;
export const WILDCARD_SCOPES = ["read:all", "write:all", "read:*", "write:*"] as const;
export type WildcardScope = (typeof WILDCARD_SCOPES)[number];
export type Scope = ResourceScope | WildcardScope;

export const RESOURCE_SCOPES: readonly ResourceScope[] = RESOURCES.flatMap((r) => [`read:${r}` as const, `write:${r}` as const]);
export const ALL_SCOPES: readonly Scope[] = [...RESOURCE_SCOPES, ...WILDCARD_SCOPES];

const known = new Set<string>(ALL_SCOPES);

export function isResource(value: string): value is Resource {
  return (RESOURCES as readonly string[]).includes(value);
}

export function isScope(value: string): value is Scope {
  return known.has(value);
}
