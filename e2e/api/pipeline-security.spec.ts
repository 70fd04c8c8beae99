import { test } from "@playwright/test";
import { createSecurityWorld, type SecurityWorld, securitySuite } from "./security-suite";

// Fixtures go through the operator CLI (a process per call): allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

let world: SecurityWorld;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  world = await createSecurityWorld();
});

securitySuite({ method: "GET", path: "/api/v1/companies/current", resource: "companies" }, () => world);
securitySuite({ method: "GET", path: "/api/v1/usage", resource: "usage" }, () => world);
securitySuite({ method: "GET", path: "/api/v1/usage?from=2026-01-01&to=2026-01-31", resource: "usage" }, () => world);
