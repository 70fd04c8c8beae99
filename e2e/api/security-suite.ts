import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { checksumOf, KEY_PREFIX } from "@/lib/keys/format";
import type { Resource } from "@/lib/scopes/catalog";
import { auth, expireKey, type NewKey, newCompany, newKey, newPartnership, newVendor, randomIp, revokeKey, setPartnershipStatus } from "./pipeline-fixtures";

/**
 * The shared security suite (after unkey's runCommonRouteTests): the same attack-style cases run
 * against every /api/v1 route. Usage in a spec file:
 *
 *   let world: SecurityWorld;
 *   test.beforeAll(async () => { world = await createSecurityWorld(); });
 *   securitySuite({ method: "GET", path: "/api/v1/jobs", resource: "jobs" }, () => world);
 */
export type SecurityWorld = {
  corp: string;
  divA: string;
  divB: string;
  keys: {
    /** Division A, read:all + write:all. */
    full: NewKey;
    readOnly: NewKey;
    writeOnly: NewKey;
    revoked: NewKey;
    /** Null on the embedded database (the CLI cannot make an expired key there). */
    expired: NewKey | null;
    /** Division B, read:all + write:all. */
    divB: NewKey;
    /** The corporate parent, read:all + write:all. */
    corp: NewKey;
    /** Vendor keys (read:all + write:all), acting for division A through partnerships that are: */
    vendorNoPartnership: NewKey;
    vendorSuspended: NewKey;
    vendorRevoked: NewKey;
    /** … active, but granting only `read:jurisdictions`. */
    vendorNarrowGrant: NewKey;
    /** … active, granting read:all + write:all. */
    vendorFull: NewKey;
  };
};

const ALL = ["read:all", "write:all"];

export async function createSecurityWorld(): Promise<SecurityWorld> {
  const [corp, v1, v2, v3, v4, v5] = await Promise.all([
    newCompany("Security Corp"),
    newVendor("Sec Vendor none"),
    newVendor("Sec Vendor suspended"),
    newVendor("Sec Vendor revoked"),
    newVendor("Sec Vendor narrow"),
    newVendor("Sec Vendor full"),
  ]);
  const [divA, divB] = await Promise.all([newCompany("Security Div A", corp), newCompany("Security Div B", corp)]);
  const [full, readOnly, writeOnly, revoked, expired, divBKey, corpKey] = await Promise.all([
    newKey({ company: divA }, ALL),
    newKey({ company: divA }, ["read:all"]),
    newKey({ company: divA }, ["write:all"]),
    newKey({ company: divA }, ALL),
    newKey({ company: divA }, ALL),
    newKey({ company: divB }, ALL),
    newKey({ company: corp }, ALL),
  ]);
  const vendorKeys = await Promise.all([v1, v2, v3, v4, v5].map((vendor) => newKey({ vendor }, ALL)));
  const [pSuspended, pRevoked] = await Promise.all([
    newPartnership(v2, divA, ALL),
    newPartnership(v3, divA, ALL),
    newPartnership(v4, divA, ["read:jurisdictions"]),
    newPartnership(v5, divA, ALL),
  ]);
  const [, , , isExpired] = await Promise.all([
    setPartnershipStatus(pSuspended, "suspended"),
    setPartnershipStatus(pRevoked, "revoked"),
    revokeKey(revoked.id),
    expireKey(expired.id),
  ]);
  const [none, suspended, revokedP, narrow, vendorFull] = vendorKeys as [NewKey, NewKey, NewKey, NewKey, NewKey];
  return {
    corp,
    divA,
    divB,
    keys: {
      full,
      readOnly,
      writeOnly,
      revoked,
      expired: isExpired ? expired : null,
      divB: divBKey,
      corp: corpKey,
      vendorNoPartnership: none,
      vendorSuspended: suspended,
      vendorRevoked: revokedP,
      vendorNarrowGrant: narrow,
      vendorFull,
    },
  };
}

export type RouteUnderTest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /**
   * The resource whose scope the route needs; null for a path with no endpoint (the fallback route):
   * authenticated and tenant-checked like any route, then 404 NOT_FOUND — there is no scope to check.
   */
  resource: Resource | null;
  body?: unknown;
  /**
   * A path naming an object of division B (create it with `world.keys.divB`); division A's key
   * must get 404 for it. Routes without ids rely on the "never shows division B" check instead.
   */
  crossTenantPath?: (ctx: { world: SecurityWorld; request: APIRequestContext }) => Promise<string>;
};

export function send(request: APIRequestContext, route: Pick<RouteUnderTest, "method" | "body">, path: string, headers: Record<string, string>) {
  // Raw bytes: Playwright would JSON-encode a string body a second time.
  return request.fetch(path, {
    method: route.method,
    headers: route.body === undefined ? headers : { "content-type": "application/json", ...headers },
    data: route.body === undefined ? undefined : Buffer.from(JSON.stringify(route.body)),
  });
}

/** The error envelope with the right status and code, the request id in header and body, and no stack. */
export async function expectApiError(response: APIResponse, status: number, code: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.requestId).toBe(response.headers()["x-request-id"]);
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/);
  return body.error;
}

const randomPart = "Z".repeat(32);
const BAD_CHECKSUM_KEY = `${KEY_PREFIX}${randomPart}000000`;
const UNKNOWN_KEY = `${KEY_PREFIX}${randomPart}${checksumOf(randomPart)}`;

export function securitySuite(route: RouteUnderTest, world: () => SecurityWorld): void {
  const ip = randomIp();
  const access = route.method === "GET" ? "read" : "write";
  const scope = route.resource ? `${access}:${route.resource}` : null;
  const call = (request: APIRequestContext, headers: Record<string, string>, path = route.path) =>
    send(request, route, path, { "x-forwarded-for": ip, ...headers });
  const unauthorized = async (response: APIResponse, reason: string) => {
    const error = await expectApiError(response, 401, "UNAUTHORIZED");
    expect(error.reason).toBe(reason);
    expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
  };

  test.describe(`security suite: ${route.method} ${route.path}`, () => {
    test("a valid key passes, and division A never sees division B", async ({ request }) => {
      const response = await call(request, auth(world().keys.full.key));
      expect([401, 403, 429, 500, 503]).not.toContain(response.status());
      if (!scope) await expectApiError(response, 404, "NOT_FOUND");
      expect(response.headers()["x-request-id"]).toMatch(/^req_/);
      expect(response.headers()["x-ratelimit-limit"]).toBe("500");
      expect(await response.text()).not.toContain(world().divB);
    });

    test("no key → 401", async ({ request }) => {
      await unauthorized(await call(request, {}), "missing");
    });

    test("malformed Authorization header → 401", async ({ request }) => {
      await unauthorized(await call(request, { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }), "malformed");
      await unauthorized(await call(request, { authorization: "Bearer not-a-klau-key" }), "malformed");
    });

    test("bad checksum → 401", async ({ request }) => {
      await unauthorized(await call(request, auth(BAD_CHECKSUM_KEY)), "bad_checksum");
    });

    test("unknown key → 401", async ({ request }) => {
      await unauthorized(await call(request, auth(UNKNOWN_KEY)), "unknown");
    });

    test("revoked key → 401", async ({ request }) => {
      await unauthorized(await call(request, auth(world().keys.revoked.key)), "revoked");
    });

    test("expired key → 401", async ({ request }) => {
      const expired = world().keys.expired;
      test.skip(!expired, "an expired key can only be made on PostgreSQL (TEST_DATABASE_URL); unit tests cover expiry");
      if (expired) await unauthorized(await call(request, auth(expired.key)), "expired");
    });

    test(scope ? `missing scope → 403 INSUFFICIENT_SCOPE naming ${scope}` : "no endpoint → 404 whatever the key's scopes", async ({ request }) => {
      const keys = world().keys;
      const response = await call(request, auth(access === "read" ? keys.writeOnly.key : keys.readOnly.key));
      if (!scope) {
        await expectApiError(response, 404, "NOT_FOUND");
        return;
      }
      const error = await expectApiError(response, 403, "INSUFFICIENT_SCOPE");
      expect(error.requiredScope).toBe(scope);
      expect(error.message).toContain(scope);
    });

    test("direct key with a foreign Klau-Tenant-Id → 403", async ({ request }) => {
      const w = world();
      await expectApiError(await call(request, auth(w.keys.full.key, { "klau-tenant-id": w.divB })), 403, "TENANT_MISMATCH");
      // A corporate parent's key does not reach into its divisions either.
      await expectApiError(await call(request, auth(w.keys.corp.key, { "klau-tenant-id": w.divA })), 403, "TENANT_MISMATCH");
    });

    test("vendor key without Klau-Tenant-Id → 403 TENANT_HEADER_REQUIRED", async ({ request }) => {
      await expectApiError(await call(request, auth(world().keys.vendorFull.key)), 403, "TENANT_HEADER_REQUIRED");
    });

    test("vendor without partnership → 403 TENANT_ACCESS_DENIED", async ({ request }) => {
      const w = world();
      await expectApiError(await call(request, auth(w.keys.vendorNoPartnership.key, { "klau-tenant-id": w.divA })), 403, "TENANT_ACCESS_DENIED");
      // The partnered vendor naming a tenant it has no partnership with looks the same.
      await expectApiError(await call(request, auth(w.keys.vendorFull.key, { "klau-tenant-id": w.divB })), 403, "TENANT_ACCESS_DENIED");
    });

    test("vendor with a suspended or revoked partnership → 403 TENANT_ACCESS_DENIED", async ({ request }) => {
      const w = world();
      for (const key of [w.keys.vendorSuspended, w.keys.vendorRevoked]) {
        await expectApiError(await call(request, auth(key.key, { "klau-tenant-id": w.divA })), 403, "TENANT_ACCESS_DENIED");
      }
    });

    test(`vendor with a partnership that does not grant the scope → ${scope ? "403 INSUFFICIENT_SCOPE" : "404 (no endpoint)"}`, async ({ request }) => {
      const w = world();
      const response = await call(request, auth(w.keys.vendorNarrowGrant.key, { "klau-tenant-id": w.divA }));
      if (!scope) await expectApiError(response, 404, "NOT_FOUND");
      else expect((await expectApiError(response, 403, "INSUFFICIENT_SCOPE")).requiredScope).toBe(scope);
    });

    test("vendor with a full partnership passes", async ({ request }) => {
      const w = world();
      const response = await call(request, auth(w.keys.vendorFull.key, { "klau-tenant-id": w.divA }));
      expect([401, 403, 429, 500, 503]).not.toContain(response.status());
      expect(await response.text()).not.toContain(w.divB);
    });

    if (route.crossTenantPath) {
      const crossTenantPath = route.crossTenantPath;
      test("division A key reading a division B id → 404", async ({ request }) => {
        const path = await crossTenantPath({ world: world(), request });
        await expectApiError(await call(request, auth(world().keys.full.key), path), 404, "NOT_FOUND");
      });
    }
  });
}
