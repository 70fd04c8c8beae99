import { expect, test } from "@playwright/test";
import { openApiDocument } from "@/lib/openapi/document";
import { isResource, RESOURCES, type Resource } from "@/lib/scopes/catalog";
import { auth, randomIp } from "./pipeline-fixtures";
import { ALL_RESOURCES, createVia, type HaulingPath, patchFor } from "./resources-fixtures";
import { createSecurityWorld, expectApiError, type RouteUnderTest, type SecurityWorld, securitySuite } from "./security-suite";

/**
 * The shared security suite on EVERY /api/v1 operation. The list is derived from the OpenAPI
 * document (which a unit test, lib/openapi/routes.test.ts, holds equal to the route files), so a new
 * route is covered the moment it is documented; a route this file cannot exercise (an unknown path
 * parameter, an id route without a sample body) fails at collection instead of being skipped.
 */
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
type Method = (typeof METHODS)[number];

type Operation = { method: Method; template: string; resource: Resource };

function requiredResource(operation: object, label: string): Resource {
  const scope = (operation as Record<string, unknown>)["x-required-scope"];
  const resource = typeof scope === "string" ? scope.split(":")[1] : undefined;
  if (!resource || !isResource(resource)) throw new Error(`${label}: no x-required-scope naming a seed resource`);
  return resource;
}

/** Public operations (`security: []`, e.g. the leaked-key report) need no key: they have their own specs. */
function isPublic(operation: object): boolean {
  const security = (operation as { security?: unknown[] }).security;
  return Array.isArray(security) && security.length === 0;
}

function documentedOperations(): Operation[] {
  return Object.entries(openApiDocument().paths ?? {}).flatMap(([template, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      if (!operation || isPublic(operation)) return [];
      return [{ method, template, resource: requiredResource(operation, `${method} ${template}`) }];
    }),
  );
}

const isHauling = (segment: string): segment is HaulingPath => (ALL_RESOURCES as string[]).includes(segment);

/** The collection a path belongs to: `/api/v1/jobs/{id}` → `jobs`. */
function collectionOf(template: string): string {
  return template.replace(/^\/api\/v1\//, "").split("/")[0] ?? "";
}

function routeUnderTest({ method, template, resource }: Operation): RouteUnderTest {
  const unknownParam = template.match(/\{(?!id\})[^}]+\}/);
  if (unknownParam) throw new Error(`${template}: teach security-all-routes.spec.ts a value for ${unknownParam[0]}`);
  const collection = collectionOf(template);
  const hasId = template.includes("{id}");
  if (hasId && !isHauling(collection)) throw new Error(`${template}: add a sample body for ${collection} to resources-fixtures.ts`);
  const writeBody = method === "post" ? {} : isHauling(collection) ? patchFor(collection) : {};
  return {
    method: method.toUpperCase() as RouteUnderTest["method"],
    path: template.replace("{id}", UNKNOWN_ID),
    resource,
    // Writes carry a body so a valid key reaches validation or the handler (400/404), never a 5xx.
    body: method === "get" || method === "delete" ? undefined : writeBody,
    crossTenantPath:
      hasId && isHauling(collection)
        ? async ({ world: w, request }) => template.replace("{id}", (await createVia(request, w.keys.divB.key, collection)).id)
        : undefined,
  };
}

const operations = documentedOperations();
const served = new Set(operations.map((o) => collectionOf(o.template)));
/** Seed resources with no endpoint yet: the fallback route must authenticate, then answer 404. */
const unbuilt = RESOURCES.filter((r) => !served.has(r));

let world: SecurityWorld;

test.describe.configure({ timeout: 180_000 });
test.beforeAll(async () => {
  test.setTimeout(240_000); // ~20 operator-CLI calls; slow on a busy 2-core machine
  world = await createSecurityWorld();
});

test("the served OpenAPI document lists exactly the operations under test", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json", { headers: { "x-forwarded-for": randomIp() } });
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { paths: Record<string, Record<string, object>> };
  const live = Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => m in item && !isPublic(item[m] ?? {})).map((m) => `${m} ${path}`));
  expect(live.sort()).toEqual(operations.map((o) => `${o.method} ${o.template}`).sort());
  expect(operations.length).toBeGreaterThan(10);
});

test("every seed resource without an endpoint answers 404 after authentication, 401 before", async ({ request }) => {
  expect(unbuilt.length).toBeGreaterThan(0);
  const ip = randomIp();
  for (const resource of unbuilt) {
    const path = `/api/v1/${resource}`;
    await expectApiError(await request.get(path, { headers: { "x-forwarded-for": ip } }), 401, "UNAUTHORIZED");
    await expectApiError(await request.get(path, { headers: auth(world.keys.full.key) }), 404, "NOT_FOUND");
  }
});

for (const operation of operations) securitySuite(routeUnderTest(operation), () => world);

// One unbuilt resource through the whole suite (collection and item), the rest by the loop above.
const [firstUnbuilt] = unbuilt;
if (firstUnbuilt) {
  securitySuite({ method: "GET", path: `/api/v1/${firstUnbuilt}`, resource: null }, () => world);
  securitySuite({ method: "DELETE", path: `/api/v1/${firstUnbuilt}/${UNKNOWN_ID}`, resource: null }, () => world);
}
