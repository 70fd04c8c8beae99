import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { paginated } from "./pagination";
import { type AnyHandler, type RouteSpec, runPipeline } from "./pipeline";
import { apiRequest, fakeWorld, OTHER_TENANT, TENANT, VENDOR_ID } from "./testing";

const echo: AnyHandler = ({ tenant, body, query }) => ({ tenant: tenant.id, body, query });

async function call(world: ReturnType<typeof fakeWorld>, request: Request, spec: Partial<RouteSpec> = {}, handler = echo) {
  const response = await runPipeline(request, {}, { resource: "jobs", ...spec }, handler, world.deps);
  const text = await response.text();
  return { response, json: text ? JSON.parse(text) : null };
}

describe("runPipeline", () => {
  it("wraps handler data in the envelope with request id and rate-limit headers", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { response, json } = await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }));
    expect(response.status).toBe(200);
    expect(json).toEqual({ data: { tenant: TENANT.id } });
    expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get("x-ratelimit-limit")).toBe("500");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("499");
    expect(response.headers.get("ratelimit-policy")).toBe("500;w=900");
    expect(world.log).toHaveLength(1);
    expect(world.log[0]).toMatchObject({ apiKeyId: "key-1", companyId: TENANT.id, status: 200, method: "GET" });
  });

  it("answers paginated results with a pagination object", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { json } = await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), {}, () => paginated([{ id: "a" }], "a"));
    expect(json).toEqual({ data: [{ id: "a" }], pagination: { nextCursor: "a" } });
  });

  it.each([
    ["no header", {}, "missing"],
    ["basic scheme", { authorization: "Basic abc" }, "malformed"],
    ["garbage", { authorization: "Bearer nope" }, "malformed"],
  ])("401 for %s, with request id in body and WWW-Authenticate", async (_name, headers, reason) => {
    const world = fakeWorld();
    const { response, json } = await call(world, apiRequest("GET", "/api/v1/jobs", { headers }));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(json.error).toMatchObject({ code: "UNAUTHORIZED", reason, requestId: response.headers.get("x-request-id") });
    expect(response.headers.get("x-ratelimit-remaining")).toBe("499");
  });

  it("maps domain errors and hides unexpected ones", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const missing = await call(world, apiRequest("GET", "/api/v1/jobs/x", { key: secret }), {}, () => {
      throw new NotFoundError("Job");
    });
    expect(missing.response.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: "NOT_FOUND", message: "Job not found" });
    const boom = await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), {}, () => {
      throw new Error("secret SQL detail");
    });
    expect(boom.response.status).toBe(500);
    expect(boom.json.error).toEqual({
      code: "INTERNAL_ERROR",
      message: "An unexpected error occurred",
      requestId: boom.response.headers.get("x-request-id"),
    });
    expect(world.errors).toHaveLength(1);
  });

  it("validates the body and strips unknown keys (no mass assignment)", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const body = z.object({ name: z.string().min(1) });
    const bad = await call(world, apiRequest("POST", "/api/v1/jobs", { key: secret, body: '{"name":""}' }), { body });
    expect(bad.response.status).toBe(400);
    expect(bad.json.error.code).toBe("VALIDATION_ERROR");
    expect(bad.json.error.fields).toEqual([{ path: "name", message: expect.any(String) }]);
    const good = await call(world, apiRequest("POST", "/api/v1/jobs", { key: secret, body: JSON.stringify({ name: "x", companyId: OTHER_TENANT.id }) }), {
      body,
      status: 201,
    });
    expect(good.response.status).toBe(201);
    expect(good.json.data).toEqual({ tenant: TENANT.id, body: { name: "x" } });
  });

  it("vendor keys act for a partnered tenant with key ∩ grant scopes", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "VENDOR", scopes: ["read:all"] });
    world.partnerships.set(`${VENDOR_ID}:${TENANT.id}`, { status: "ACTIVE", scopes: ["read:jobs"], company: TENANT });
    const ok = await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret, headers: { "klau-tenant-id": TENANT.id } }));
    expect(ok.response.status).toBe(200);
    const denied = await call(world, apiRequest("GET", "/api/v1/drivers", { key: secret, headers: { "klau-tenant-id": TENANT.id } }), {
      resource: "drivers",
    });
    expect(denied.response.status).toBe(403);
    expect(denied.json.error).toMatchObject({ code: "INSUFFICIENT_SCOPE", requiredScope: "read:drivers" });
  });

  it("methodsNotAllowed: 405 with Allow, after authentication", async () => {
    const { methodsNotAllowed } = await import("./define-route");
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { POST } = methodsNotAllowed(["GET"], world.deps);
    const unauth = await POST(apiRequest("POST", "/api/v1/usage"), { params: Promise.resolve({}) });
    expect(unauth.status).toBe(401);
    const refused = await POST(apiRequest("POST", "/api/v1/usage", { key: secret }), { params: Promise.resolve({}) });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, HEAD");
    expect((await refused.json()).error.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("fallback routes authenticate first, then 404", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const unauth = await call(world, apiRequest("GET", "/api/v1/nope"), { resource: null });
    expect(unauth.response.status).toBe(401);
    const found = await call(world, apiRequest("POST", "/api/v1/nope", { key: secret, body: "{}" }), { resource: null });
    expect(found.response.status).toBe(404);
    expect(found.json.error.code).toBe("NOT_FOUND");
  });
});
