import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { HAULING_RESOURCES } from "@/lib/hauling/catalog";
import { isCachedResource } from "@/lib/read-cache/hauling-changes";
import { RESOURCE_CATALOG, type Resource, RESOURCES } from "@/lib/scopes/catalog";
import { requiredScope } from "@/lib/scopes/match";
import { openApiDocument, PRODUCTION_URL } from "./document";

const doc = openApiDocument("http://localhost:3100");
type Operation = {
  operationId: string;
  description: string;
  "x-required-scope": string;
  parameters?: { $ref?: string; name?: string; in?: string }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
};
const allOperations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
  (["get", "post", "patch", "delete"] as const).flatMap((method) => {
    const op = (item as Record<string, (Operation & { security?: unknown[] }) | undefined>)[method];
    return op ? [{ path, method, op }] : [];
  }),
);
/** Operations that take an API key; the public ones (`security: []`) are checked on their own below. */
const operations = allOperations.filter((o) => !(Array.isArray(o.op.security) && o.op.security.length === 0));

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists this instance first (for Try it out), then production", () => {
    expect(doc.servers?.map((s) => s.url)).toEqual(["http://localhost:3100", PRODUCTION_URL]);
    expect(openApiDocument(PRODUCTION_URL).servers?.map((s) => s.url)).toEqual([PRODUCTION_URL]);
  });

  it("lists every resource of the scope catalog in the intro, the unserved ones marked reserved", () => {
    const intro = doc.info.description ?? "";
    for (const r of RESOURCES) {
      expect(intro, r).toContain(RESOURCE_CATALOG[r].served ? `\`${r}\`,` : `\`${r}\` *(reserved)*`);
    }
  });

  it("documents CRUD for every hauling resource", () => {
    for (const r of HAULING_RESOURCES) {
      const ids = operations.filter((o) => o.path.startsWith(`/api/v1/${r.resource}`)).map((o) => `${o.method} ${o.path}`);
      expect(ids.sort()).toEqual(
        [`get /api/v1/${r.resource}`, `post /api/v1/${r.resource}`, ...["get", "patch", "delete"].map((m) => `${m} /api/v1/${r.resource}/{id}`)].sort(),
      );
    }
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    "%s: scope, tenant header, idempotency, envelope",
    (_, { path, method, op }) => {
      const resource = path.split("/")[3] ?? "";
      const scope = requiredScope(method, resource as Parameters<typeof requiredScope>[1]);
      expect(op["x-required-scope"]).toBe(scope);
      expect(op.description).toContain(`\`${scope}\``);
      const refs = (op.parameters ?? []).map((p) => p.$ref);
      expect(refs).toContain("#/components/parameters/KlauTenantId");
      expect(refs.includes("#/components/parameters/IdempotencyKey")).toBe(method !== "get");
      // The read cache's bypass, on exactly the GETs it serves.
      expect(refs.includes("#/components/parameters/CacheControl")).toBe(method === "get" && isCachedResource(resource as Resource));
      for (const status of ["401", "403", "429", "default"]) expect(op.responses[status]).toBeDefined();
      if (method === "post") expect(Object.keys(op.responses["201"]?.headers ?? {})).toContain("location");
    },
  );

  it("documents the public leaked-key report without a security requirement, scope or tenant header", () => {
    const publicOps = allOperations.filter((o) => !operations.includes(o)).map((o) => `${o.method} ${o.path}`);
    expect(publicOps).toEqual(["post /api/v1/keys/revoke-leaked"]);
    const op = doc.paths?.["/api/v1/keys/revoke-leaked"]?.post;
    expect(op?.security).toEqual([]);
    expect(op).not.toHaveProperty("x-required-scope");
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(["202", "400", "429"]));
  });

  it("has the bearer scheme for kl_live_ keys and the tenant header as a scheme usable from Swagger UI", () => {
    const schemes = doc.components?.securitySchemes ?? {};
    expect(schemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.klauTenantId).toMatchObject({ type: "apiKey", in: "header", name: "Klau-Tenant-Id" });
    expect(doc.security).toEqual([{ bearerAuth: [] }, { bearerAuth: [], klauTenantId: [] }]);
  });

  it("the error schema lists every error code", () => {
    const error = doc.components?.schemas?.Error as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(error.properties.error.properties.code.enum).toEqual(
      expect.arrayContaining(["NOT_FOUND", "VALIDATION_ERROR", "INSUFFICIENT_SCOPE", "RATE_LIMITED"]),
    );
  });
});
