import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type AnyHandler, type RouteSpec, runPipeline } from "./pipeline";
import { apiRequest, fakeWorld } from "./testing";

const spec: RouteSpec = { resource: "jobs", body: z.object({ name: z.string() }), status: 201, location: (id) => `/api/v1/jobs/${id}` };

function counting() {
  let executions = 0;
  const handler: AnyHandler = async ({ body }) => {
    executions++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { id: `job-${executions}`, ...(body as object) };
  };
  return { handler, executions: () => executions };
}

const post = (secret: string, key: string, body = '{"name":"a"}', path = "/api/v1/jobs") =>
  apiRequest("POST", path, { key: secret, body, headers: { "idempotency-key": key } });

describe("pipeline idempotency", () => {
  it("50 concurrent identical POSTs execute once; the rest are 409 in flight", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const h = counting();
    const responses = await Promise.all(Array.from({ length: 50 }, () => runPipeline(post(secret, "k-50"), {}, spec, h.handler, world.deps)));
    expect(h.executions()).toBe(1);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const conflict = await responses.find((r) => r.status === 409)?.json();
    expect(conflict.error.code).toBe("IDEMPOTENCY_KEY_IN_USE");
  });

  it("replays the stored response with the hit headers and Location, without executing", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const h = counting();
    const first = await runPipeline(post(secret, "k-r"), {}, spec, h.handler, world.deps);
    const second = await runPipeline(post(secret, "k-r"), {}, spec, h.handler, world.deps);
    expect(h.executions()).toBe(1);
    expect(second.status).toBe(201);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get("location")).toBe("/api/v1/jobs/job-1");
    expect(second.headers.get("x-idempotency-hit")).toBe("true");
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("x-idempotency-hit")).toBeNull();
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
  });

  it("refuses the same key with another body or path (422)", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const h = counting();
    await runPipeline(post(secret, "k-m"), {}, spec, h.handler, world.deps);
    for (const request of [post(secret, "k-m", '{"name":"b"}'), post(secret, "k-m", '{"name":"a"}', "/api/v1/jobs?x=1")]) {
      const response = await runPipeline(request, {}, spec, h.handler, world.deps);
      expect(response.status).toBe(422);
      expect((await response.json()).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    }
    expect(h.executions()).toBe(1);
  });

  it("does not store 5xx: the retry runs again", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    let calls = 0;
    const flaky: AnyHandler = () => {
      calls++;
      if (calls === 1) throw new Error("transient");
      return { id: "j" };
    };
    expect((await runPipeline(post(secret, "k-5"), {}, spec, flaky, world.deps)).status).toBe(500);
    expect((await runPipeline(post(secret, "k-5"), {}, spec, flaky, world.deps)).status).toBe(201);
    expect(calls).toBe(2);
  });

  it("runs the handler and completes the record in one transaction (a committed write always replays)", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const root = await world.deps.getDb();
    const memory = world.idempotency;
    const completedOn: unknown[] = [];
    world.deps.idempotencyStore = (db) => ({
      claim: (input) => memory.claim(input),
      find: (...args) => memory.find(...args),
      complete: (id, response) => {
        completedOn.push(db);
        return memory.complete(id, response);
      },
      release: (id) => memory.release(id),
      discard: (id) => memory.discard(id),
      purgeExpired: (now) => memory.purgeExpired(now),
    });
    const handlerOn: unknown[] = [];
    const writing: AnyHandler = ({ db }) => {
      handlerOn.push(db);
      return { id: "j1" };
    };
    expect((await runPipeline(post(secret, "k-tx"), {}, spec, writing, world.deps)).status).toBe(201);
    expect(handlerOn).toHaveLength(1);
    expect(handlerOn[0]).not.toBe(root);
    expect(completedOn).toEqual(handlerOn);
    // Without an Idempotency-Key a write runs on the root client, in no transaction of ours.
    await runPipeline(apiRequest("POST", "/api/v1/jobs", { key: secret, body: '{"name":"a"}' }), {}, spec, writing, world.deps);
    expect(handlerOn[1]).toBe(root);
  });

  it("a crash between the write and the commit is the test hook's moment: after the handler, before completion", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const order: string[] = [];
    world.deps.beforeIdempotentCommit = () => {
      order.push("hook");
      throw new Error("simulated crash");
    };
    const handler: AnyHandler = () => {
      order.push("handler");
      return { id: "j1" };
    };
    expect((await runPipeline(post(secret, "k-crash"), {}, spec, handler, world.deps)).status).toBe(500);
    expect(order).toEqual(["handler", "hook"]);
    // The record did not complete (the transaction did not commit) and was released: a retry runs.
    expect([...world.idempotency.rows.values()]).toEqual([]);
  });

  it("400 for an invalid Idempotency-Key; GET ignores the header", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const h = counting();
    const bad = await runPipeline(post(secret, "x".repeat(256)), {}, spec, h.handler, world.deps);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("INVALID_IDEMPOTENCY_KEY");
    const get = apiRequest("GET", "/api/v1/jobs", { key: secret, headers: { "idempotency-key": "x".repeat(300) } });
    expect((await runPipeline(get, {}, { resource: "jobs" }, () => [], world.deps)).status).toBe(200);
  });
});

describe("pipeline rate limiting and failures", () => {
  it("counts unauthenticated requests per client IP, then 429 with the envelope", async () => {
    const world = fakeWorld({ points: 2 });
    const request = () => apiRequest("GET", "/api/v1/jobs", { headers: { "x-forwarded-for": "7.7.7.7" } });
    expect((await runPipeline(request(), {}, { resource: "jobs" }, () => 1, world.deps)).status).toBe(401);
    expect((await runPipeline(request(), {}, { resource: "jobs" }, () => 1, world.deps)).status).toBe(401);
    const limited = await runPipeline(request(), {}, { resource: "jobs" }, () => 1, world.deps);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    const body = await limited.json();
    expect(body.error).toMatchObject({ code: "RATE_LIMITED", requestId: limited.headers.get("x-request-id") });
    const otherIp = apiRequest("GET", "/api/v1/jobs", { headers: { "x-forwarded-for": "8.8.8.8" } });
    expect((await runPipeline(otherIp, {}, { resource: "jobs" }, () => 1, world.deps)).status).toBe(401);
  });

  it("a company's keys share one budget", async () => {
    const world = fakeWorld({ points: 1 });
    const a = world.addKey({ kind: "DIRECT" });
    const b = world.addKey({ kind: "DIRECT" });
    expect((await runPipeline(apiRequest("GET", "/x", { key: a.secret }), {}, { resource: "jobs" }, () => 1, world.deps)).status).toBe(200);
    expect((await runPipeline(apiRequest("GET", "/x", { key: b.secret }), {}, { resource: "jobs" }, () => 1, world.deps)).status).toBe(429);
  });

  it("503 SERVICE_UNAVAILABLE when the database cannot be reached", async () => {
    const world = fakeWorld();
    world.deps.lookupKey = async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    };
    const { secret } = world.addKey({ kind: "DIRECT" });
    const response = await runPipeline(apiRequest("GET", "/x", { key: secret }), {}, { resource: "jobs" }, () => 1, world.deps);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json();
    expect(body.error.code).toBe("SERVICE_UNAVAILABLE");
    expect(JSON.stringify(body)).not.toContain("5432");
  });

  it("a database outage consumes no rate-limit point: 503 during it, 401 (not 429) for a bad key after it", async () => {
    const world = fakeWorld({ points: 2 });
    const working = world.deps.lookupKey;
    world.deps.lookupKey = async () => {
      throw Object.assign(new Error("Can't reach database server"), { code: "P1001" });
    };
    const { secret } = world.addKey({ kind: "DIRECT" });
    const unknownKey = world.addKey({ kind: "DIRECT" });
    world.keys.clear(); // `unknownKey` is well-formed but no longer exists
    world.addKey({ kind: "DIRECT" });
    for (let i = 0; i < 5; i++) {
      const during = await runPipeline(apiRequest("GET", "/x", { key: i % 2 ? secret : unknownKey.secret }), {}, { resource: "jobs" }, () => 1, world.deps);
      expect([during.status, during.headers.get("retry-after"), during.headers.get("x-ratelimit-remaining")]).toEqual([503, "5", null]);
    }
    world.deps.lookupKey = working;
    const after = await runPipeline(apiRequest("GET", "/x", { key: unknownKey.secret }), {}, { resource: "jobs" }, () => 1, world.deps);
    expect([after.status, after.headers.get("x-ratelimit-remaining")]).toEqual([401, "1"]);
  });

  it("unauthenticated requests from different client addresses do not share a bucket", async () => {
    const world = fakeWorld({ points: 1 });
    const from = (ip: string) => apiRequest("GET", "/x", { headers: { "x-forwarded-for": ip } });
    expect((await runPipeline(from("7.7.7.7"), {}, { resource: "jobs" }, () => 1, world.deps)).status).toBe(401);
    expect((await runPipeline(from("7.7.7.7"), {}, { resource: "jobs" }, () => 1, world.deps)).status).toBe(429);
    expect((await runPipeline(from("9.9.9.9"), {}, { resource: "jobs" }, () => 1, world.deps)).status).toBe(401);
  });

  it("413 for a body over 1 MB, 415 for a non-JSON type, 400 INVALID_JSON for bad syntax", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const cases: [Request, number, string][] = [
      [apiRequest("POST", "/x", { key: secret, body: `"${"x".repeat(1024 * 1024)}"` }), 413, "PAYLOAD_TOO_LARGE"],
      [
        apiRequest("POST", "/x", { key: secret, body: "name=a", headers: { "content-type": "application/x-www-form-urlencoded" } }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      ],
      [apiRequest("POST", "/x", { key: secret, body: "{oops" }), 400, "INVALID_JSON"],
    ];
    for (const [request, status, code] of cases) {
      const response = await runPipeline(request, {}, spec, () => ({ id: "x" }), world.deps);
      expect([response.status, (await response.json()).error.code]).toEqual([status, code]);
    }
  });

  it("a direct key naming another tenant is refused with TENANT_MISMATCH", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const request = apiRequest("GET", "/x", { key: secret, headers: { "klau-tenant-id": "22222222-2222-4222-8222-222222222222" } });
    const response = await runPipeline(request, {}, { resource: "jobs" }, () => 1, world.deps);
    expect([response.status, (await response.json()).error.code]).toEqual([403, "TENANT_MISMATCH"]);
  });
});
