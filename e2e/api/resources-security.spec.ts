import { test } from "@playwright/test";
import { ALL_RESOURCES, createVia, patchFor } from "./resources-fixtures";
import { createSecurityWorld, type SecurityWorld, securitySuite } from "./security-suite";

/**
 * The shared security suite on every hauling route and method. Bodies are `{}` on writes: the
 * cases under test are decided before validation, and a valid key then gets a 400, not a 401/403.
 * `{id}` routes use an unknown id; the cross-tenant case creates a division B row and expects 404.
 */
let world: SecurityWorld;

test.describe.configure({ timeout: 180_000 });
test.beforeAll(async () => {
  world = await createSecurityWorld();
});

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

for (const resource of ALL_RESOURCES) {
  const collection = `/api/v1/${resource}`;
  const crossTenantPath = async ({ world: w, request }: { world: SecurityWorld; request: Parameters<typeof createVia>[0] }) =>
    `${collection}/${(await createVia(request, w.keys.divB.key, resource)).id}`;

  securitySuite({ method: "GET", path: collection, resource }, () => world);
  securitySuite({ method: "POST", path: collection, resource, body: {} }, () => world);
  securitySuite({ method: "GET", path: `${collection}/${UNKNOWN_ID}`, resource, crossTenantPath }, () => world);
  securitySuite({ method: "PATCH", path: `${collection}/${UNKNOWN_ID}`, resource, body: patchFor(resource), crossTenantPath }, () => world);
  securitySuite({ method: "DELETE", path: `${collection}/${UNKNOWN_ID}`, resource, crossTenantPath }, () => world);
}
