import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, test } from "@playwright/test";
import { randomIp } from "./pipeline-fixtures";

test("GET /api/v1/openapi.json is public and a valid OpenAPI 3.1 document for this instance", async ({ request, baseURL }) => {
  const response = await request.get("/api/v1/openapi.json", { headers: { "x-forwarded-for": randomIp() } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const doc = await response.json();

  const validator = new Validator();
  const result = await validator.validate(doc);
  expect(result.errors).toBeUndefined();
  expect(validator.version).toBe("3.1");

  expect(doc.servers.map((s: { url: string }) => s.url)).toEqual([baseURL, "https://api.getklau.com"]);
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/v1/jobs", "/api/v1/jobs/{id}", "/api/v1/dispatches", "/api/v1/companies/current", "/api/v1/usage"]),
  );
  expect(doc.paths["/api/v1/jobs"].get["x-required-scope"]).toBe("read:jobs");
  expect(doc.paths["/api/v1/jobs"].post["x-required-scope"]).toBe("write:jobs");
  expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
});

test("the document is not behind the key: no Authorization needed, and a bad one is ignored", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json", { headers: { authorization: "Bearer nonsense", "x-forwarded-for": randomIp() } });
  expect(response.status()).toBe(200);
  expect((await response.json()).openapi).toBe("3.1.0");
});
