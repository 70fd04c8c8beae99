/**
 * The one catalog of API resources and scopes (spec §4): per resource its label, group, one-line
 * description and whether `/api/v1` serves it yet. The scope picker and its presets, scope
 * validation (CLI and forms), the authorizer, the CLI help and the OpenAPI notes are derived from
 * this table. Plain data with no imports: safe in client bundles.
 */
export const RESOURCE_GROUPS = {
  dispatch: "Dispatch",
  fleet: "Fleet",
  customers: "Customers",
  sites: "Sites & regions",
  billing: "Billing & reports",
  platform: "Platform",
} as const;
export type ResourceGroup = keyof typeof RESOURCE_GROUPS;

export type ResourceInfo = {
  /** Plural, lower case as in a sentence ("can read dump sites"). */
  label: string;
  group: ResourceGroup;
  description: string;
  /** True when `/api/v1` has routes for it today; the others are reserved so keys can be scoped ahead. */
  served: boolean;
};

/** In spec order, which is also the order scopes are written in. */
export const RESOURCE_CATALOG = {
  jobs: { label: "jobs", group: "dispatch", description: "Work orders with a service date: deliveries, pickups, swaps.", served: true },
  drivers: { label: "drivers", group: "fleet", description: "The company's drivers.", served: true },
  trucks: { label: "trucks", group: "fleet", description: "Trucks, optionally based at a yard.", served: true },
  dispatches: { label: "dispatches", group: "dispatch", description: "Assignments of a job to a driver and a truck.", served: true },
  customers: { label: "customers", group: "customers", description: "Who the company hauls for.", served: true },
  sites: { label: "sites", group: "sites", description: "Job sites, optionally belonging to a customer.", served: true },
  yards: { label: "yards", group: "fleet", description: "Where trucks and containers are kept.", served: true },
  "dump-sites": { label: "dump sites", group: "sites", description: "Landfills and transfer stations.", served: true },
  companies: { label: "company profile", group: "platform", description: "The company or division the key acts for.", served: true },
  communications: { label: "communications", group: "customers", description: "Messages and notifications sent to customers.", served: false },
  import: { label: "imports", group: "platform", description: "Bulk imports of jobs, customers and sites.", served: false },
  integrations: { label: "integrations", group: "platform", description: "Connected third-party systems and their settings.", served: false },
  search: { label: "search", group: "platform", description: "Search across the company's records.", served: false },
  usage: { label: "API usage", group: "platform", description: "Request counts of the company's API keys.", served: true },
  coaching: { label: "driver coaching", group: "fleet", description: "Driver safety events and coaching sessions.", served: false },
  settings: { label: "settings", group: "platform", description: "Company settings and preferences.", served: false },
  billing: { label: "billing", group: "billing", description: "Invoices, payments and pricing.", served: false },
  webhooks: { label: "webhooks", group: "platform", description: "Webhook endpoints and their deliveries.", served: false },
  materials: { label: "materials", group: "dispatch", description: "What is hauled and its billing unit.", served: true },
  reports: { label: "reports", group: "billing", description: "Operational and financial reports.", served: false },
  regions: { label: "regions", group: "sites", description: "Service areas and zones.", served: false },
  intelligence: { label: "intelligence", group: "platform", description: "Forecasts and route insights.", served: false },
  storefronts: { label: "storefronts", group: "customers", description: "Online ordering pages for customers.", served: false },
  "dump-tickets": { label: "dump tickets", group: "dispatch", description: "Weight tickets from dump sites.", served: false },
  crm: { label: "CRM", group: "customers", description: "Leads, contacts and sales activity.", served: false },
  orders: { label: "orders", group: "dispatch", description: "Customer orders before they become jobs.", served: false },
  automations: { label: "automations", group: "platform", description: "Rules that act on events automatically.", served: false },
  export: { label: "exports", group: "platform", description: "Bulk exports of the company's data.", served: false },
  jurisdictions: { label: "jurisdictions", group: "sites", description: "Permits and rules per municipality.", served: false },
} as const satisfies Record<string, ResourceInfo>;

export type Resource = keyof typeof RESOURCE_CATALOG;
export const RESOURCES = Object.keys(RESOURCE_CATALOG) as Resource[];

export type Access = "read" | "write";
export type ResourceScope = `${Access}:${Resource}`;
export const WILDCARD_SCOPES = ["read:all", "write:all", "read:*", "write:*"] as const;
export type WildcardScope = (typeof WILDCARD_SCOPES)[number];
export type Scope = ResourceScope | WildcardScope;

export const RESOURCE_SCOPES: readonly ResourceScope[] = RESOURCES.flatMap((r) => [`read:${r}` as const, `write:${r}` as const]);
export const ALL_SCOPES: readonly Scope[] = [...RESOURCE_SCOPES, ...WILDCARD_SCOPES];

const known = new Set<string>(ALL_SCOPES);

export function isResource(value: string): value is Resource {
  return Object.hasOwn(RESOURCE_CATALOG, value);
}

export function isScope(value: string): value is Scope {
  return known.has(value);
}

/** Resources of each group, in group order then catalog order. */
export function resourcesByGroup(): { group: ResourceGroup; label: string; resources: Resource[] }[] {
  return (Object.keys(RESOURCE_GROUPS) as ResourceGroup[]).map((group) => ({
    group,
    label: RESOURCE_GROUPS[group],
    resources: RESOURCES.filter((r) => RESOURCE_CATALOG[r].group === group),
  }));
}

/** The presets the picker offers; a key's scopes equal to one of these show as that preset. */
export const FULL_ACCESS: readonly Scope[] = ["read:all", "write:all"];
export const READ_ONLY: readonly Scope[] = ["read:all"];
