/**
 * The demo organisation the seed creates. Fixed ids and emails so the README, tests and the
 * operator can refer to them. The password is for local demos only.
 */
export const DEMO_PASSWORD = "klau-demo-2026";

export const DEMO = {
  companies: {
    corporate: { id: "a0000000-0000-4000-8000-000000000001", name: "Acme Waste Co" },
    north: { id: "a0000000-0000-4000-8000-000000000002", name: "Acme Waste — North Division" },
    south: { id: "a0000000-0000-4000-8000-000000000003", name: "Acme Waste — South Division" },
  },
  vendor: { id: "b0000000-0000-4000-8000-000000000001", name: "RouteWare Integrations" },
  /** Active partnership RouteWare ↔ North, with these granted scopes. */
  partnership: {
    id: "c0000000-0000-4000-8000-000000000001",
    scopes: ["read:jobs", "read:drivers", "read:trucks", "read:customers", "write:dispatches"],
  },
  users: {
    operator: { email: "operator@klau.dev", name: "Olivia Operator" },
    corporate: { email: "corporate@acme-waste.test", name: "Cora Corporate" },
    northAdmin: { email: "admin.north@acme-waste.test", name: "Nate North-Admin" },
    southAdmin: { email: "admin.south@acme-waste.test", name: "Sara South-Admin" },
    northMember: { email: "member.north@acme-waste.test", name: "Mia North-Member" },
    vendor: { email: "dev@routeware.test", name: "Victor Vendor" },
  },
} as const;
