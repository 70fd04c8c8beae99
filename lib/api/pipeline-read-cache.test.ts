import { describe, expect, it } from "vitest";
import { paginated } from "./pagination";
import { type AnyHandler, type RouteSpec, runPipeline } from "./pipeline";
import { apiRequest, fakeWorld, OTHER_TENANT, TENANT, VENDOR_ID } from "./testing";

/** A handler that counts its calls and answers a page naming the tenant and the call. */
function countingHandler() {
  const calls: string[] = [];
  const handler: AnyHandler = ({ tenant }) => {
    calls.push(tenant.id);
    return paginated([{ id: `${tenant.id}-${calls.length}` }], null);
  };
  return { calls, handler };
}

function liveWorld() {
  const world = fakeWorld();
  world.deps.readCache.setLive(true);
  return world;
}

async function call(world: ReturnType<typeof fakeWorld>, request: Request, handler: AnyHandler, spec: Partial<RouteSpec> = {}) {
  const response = await runPipeline(request, {}, { resource: "jobs", ...spec }, handler, world.deps);
  return { response, text: await response.text() };
}

describe("runPipeline with the read cache", () => {
  it("answers a repeated GET from the cache: same body, fresh request id and rate-limit headers, still logged", async () => {
    const world = liveWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { calls, handler } = countingHandler();
    const first = await call(world, apiRequest("GET", "/api/v1/jobs?date=2026-03-15", { key: secret }), handler);
    const second = await call(world, apiRequest("GET", "/api/v1/jobs?date=2026-03-15", { key: secret }), handler);
    expect(calls).toHaveLength(1);
    expect(second.response.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.response.headers.get("content-type")).toBe(first.response.headers.get("content-type"));
    expect(second.response.headers.get("x-request-id")).not.toBe(first.response.headers.get("x-request-id"));
    expect(second.response.headers.get("x-ratelimit-remaining")).toBe("498");
    expect(world.log.map((entry) => entry.status)).toEqual([200, 200]);
  });

  it("Cache-Control: no-cache reads past the cache (read-your-writes across instances) and refreshes it", async () => {
    const world = liveWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { calls, handler } = countingHandler();
    const get = (headers: Record<string, string> = {}) => call(world, apiRequest("GET", "/api/v1/jobs", { key: secret, headers }), handler);
    const first = await get();
    // Another instance writes; its notification has not arrived here yet: a plain GET is stale.
    expect((await get()).text).toBe(first.text);
    const fresh = await get({ "cache-control": "no-cache" });
    expect(calls).toHaveLength(2);
    expect(fresh.text).not.toBe(first.text);
    expect((await get({ pragma: "no-cache" })).text).not.toBe(fresh.text);
    expect((await get({ "cache-control": "max-age=0" })).text).not.toBe(first.text);
    expect(calls).toHaveLength(4);
    // The fresh answer is what the cache holds now.
    const after = await get();
    expect(calls).toHaveLength(4);
    expect(after.text).not.toBe(first.text);
  });

  it("still authenticates, resolves the tenant and checks scopes on every cached request", async () => {
    const world = liveWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { secret: writeOnly } = world.addKey({ kind: "DIRECT", scopes: ["write:jobs"] });
    const { handler } = countingHandler();
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    expect((await call(world, apiRequest("GET", "/api/v1/jobs"), handler)).response.status).toBe(401);
    expect((await call(world, apiRequest("GET", "/api/v1/jobs", { key: writeOnly }), handler)).response.status).toBe(403);
    const foreign = apiRequest("GET", "/api/v1/jobs", { key: secret, headers: { "klau-tenant-id": OTHER_TENANT.id } });
    expect((await call(world, foreign, handler)).response.status).toBe(403);
  });

  it("never answers one tenant with another tenant's page", async () => {
    const world = liveWorld();
    const { secret: direct } = world.addKey({ kind: "DIRECT" });
    const { secret: vendor } = world.addKey({ kind: "VENDOR" });
    world.partnerships.set(`${VENDOR_ID}:${OTHER_TENANT.id}`, { status: "ACTIVE", scopes: ["read:all"], company: OTHER_TENANT });
    const { calls, handler } = countingHandler();
    const mine = await call(world, apiRequest("GET", "/api/v1/jobs", { key: direct }), handler);
    const theirs = await call(world, apiRequest("GET", "/api/v1/jobs", { key: vendor, headers: { "klau-tenant-id": OTHER_TENANT.id } }), handler);
    expect(calls).toEqual([TENANT.id, OTHER_TENANT.id]);
    expect(JSON.parse(theirs.text).data[0].id).toContain(OTHER_TENANT.id);
    expect(theirs.text).not.toBe(mine.text);
  });

  it("a write drops the tenant's cached answers, so the writer's next read runs the handler", async () => {
    const world = liveWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { calls, handler } = countingHandler();
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    await call(world, apiRequest("POST", "/api/v1/jobs", { key: secret, body: "{}" }), () => ({ id: "new" }), { status: 201 });
    const after = await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    expect(calls).toHaveLength(2);
    expect(JSON.parse(after.text).data[0].id).toBe(`${TENANT.id}-2`);
  });

  it("a failed write drops them too (it may have changed something before failing)", async () => {
    const world = liveWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { calls, handler } = countingHandler();
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    const failing = await call(world, apiRequest("DELETE", "/api/v1/jobs/x", { key: secret }), () => {
      throw new Error("boom");
    });
    expect(failing.response.status).toBe(500);
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    expect(calls).toHaveLength(2);
  });

  it("caches only successful answers of the hauling resources, and nothing while not live", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { calls, handler } = countingHandler();
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    expect(calls).toHaveLength(2); // not live: every read runs

    world.deps.readCache.setLive(true);
    await call(world, apiRequest("GET", "/api/v1/usage", { key: secret }), handler, { resource: "usage" });
    await call(world, apiRequest("GET", "/api/v1/usage", { key: secret }), handler, { resource: "usage" });
    expect(calls).toHaveLength(4); // usage is always read fresh

    let failures = 0;
    const failing: AnyHandler = () => {
      failures++;
      throw new Error("boom");
    };
    await call(world, apiRequest("GET", "/api/v1/jobs/y", { key: secret }), failing);
    await call(world, apiRequest("GET", "/api/v1/jobs/y", { key: secret }), failing);
    expect(failures).toBe(2);
  });

  it("a change notified for the tenant (another process's write) drops its answers", async () => {
    const world = liveWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { calls, handler } = countingHandler();
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    world.deps.readCache.invalidateTenant(OTHER_TENANT.id);
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    expect(calls).toHaveLength(1);
    world.deps.readCache.invalidateTenant(TENANT.id);
    await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }), handler);
    expect(calls).toHaveLength(2);
  });
});
