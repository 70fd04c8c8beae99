import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { fakeWorld } from "@/lib/api/testing";
import { clientIp } from "@/lib/ratelimit/client-ip";
import { createApiListener } from "./adapter";
import { LightResponse } from "./light-response";
import { compileRoutes, type RouteEntry } from "./route-table";

// The real pipeline (defineRoute, in-memory dependencies) behind the adapter on a real Node server.
const world = fakeWorld();
const { secret } = world.addKey({ kind: "DIRECT" });
const seen: { ip?: string; trusted?: string; xff?: string | null; url?: string; instance?: boolean } = {};

const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"], world.deps);

const routes: RouteEntry[] = [
  {
    pattern: "jobs",
    module: {
      GET: defineRoute(
        { resource: "jobs", query: z.object({ date: z.string().optional() }) },
        ({ query, request }) => {
          seen.ip = clientIp(request.headers, {});
          seen.trusted = clientIp(request.headers, { KLAU_TRUST_PROXY: "1" });
          seen.xff = request.headers.get("x-forwarded-for");
          seen.url = request.url;
          seen.instance = request instanceof Request;
          return { date: query.date ?? null };
        },
        world.deps,
      ),
      POST: defineRoute({ resource: "jobs", body: z.object({ name: z.string() }), status: 201 }, ({ body }) => ({ id: "j-1", ...body }), world.deps),
      PUT,
      PATCH,
      DELETE,
    },
  },
  { pattern: "light", module: { GET: () => new LightResponse("light body", { status: 203, headers: { "x-test": "1" } }) } },
  { pattern: "stream", module: { GET: () => new Response(new Blob(["streamed ", "body"]).stream(), { status: 200 }) } },
  {
    pattern: "cookie",
    module: {
      GET: () =>
        new Response(null, {
          status: 204,
          headers: [
            ["set-cookie", "a=1"],
            ["set-cookie", "b=2"],
          ],
        }),
    },
  },
  {
    pattern: "throws",
    module: {
      GET: () => {
        throw new Error("boom");
      },
    },
  },
  { pattern: "[...rest]", module: { GET: () => new LightResponse("fallback") } },
];

let server: http.Server;
let base: string;

beforeAll(async () => {
  const listener = createApiListener(compileRoutes(routes));
  server = http.createServer((req, res) => {
    if (!listener(req, res)) res.writeHead(299, { "x-next": "1" }).end("next");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const auth = () => ({ authorization: `Bearer ${secret}` });

describe("API fast path adapter", () => {
  it("runs the pipeline: envelope, pipeline headers, static security headers, content-length", async () => {
    const response = await fetch(`${base}/api/v1/jobs?date=2026-12-01`, { headers: auth() });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { date: "2026-12-01" } });
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(response.headers.get("x-ratelimit-limit")).toBe("500");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(seen.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/jobs\?date=2026-12-01$/);
    expect(seen.instance).toBe(true);
  });

  it("knows the TCP peer when no proxy is trusted (Next's route handlers cannot)", async () => {
    await fetch(`${base}/api/v1/jobs`, { headers: { ...auth(), "x-forwarded-for": "6.6.6.6" } });
    expect(seen.ip).toBe("127.0.0.1");
  });

  it("behind a trusted proxy reads X-Forwarded-For, filled with the peer when absent (as Next does)", async () => {
    await fetch(`${base}/api/v1/jobs`, { headers: { ...auth(), "x-forwarded-for": "6.6.6.6, 5.6.7.8" } });
    expect(seen.xff).toBe("6.6.6.6, 5.6.7.8");
    expect(seen.trusted).toBe("5.6.7.8");
    await fetch(`${base}/api/v1/jobs`, { headers: auth() });
    expect(seen.trusted).toBe("127.0.0.1");
  });

  it("reads a JSON body for writes and answers 201", async () => {
    const response = await fetch(`${base}/api/v1/jobs`, {
      method: "POST",
      headers: { ...auth(), "content-type": "application/json" },
      body: JSON.stringify({ name: "N", tenantId: "x" }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ data: { id: "j-1", name: "N" } });
  });

  it("refuses an oversized body with 413, declared or streamed, and the connection stays usable", async () => {
    const headers = { ...auth(), "content-type": "application/json" };
    const declared = await fetch(`${base}/api/v1/jobs`, { method: "POST", headers, body: "x".repeat(1024 * 1024 + 10) });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 2 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(`${base}/api/v1/jobs`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect((await fetch(`${base}/api/v1/jobs`, { headers: auth() })).status).toBe(200);
  });

  it("keeps Next's method rules: HEAD runs GET without a body, OPTIONS lists Allow, methodsNotAllowed answers 405", async () => {
    const head = await fetch(`${base}/api/v1/jobs`, { method: "HEAD", headers: auth() });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const options = await fetch(`${base}/api/v1/light`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const bare405 = await fetch(`${base}/api/v1/light`, { method: "DELETE" });
    expect(bare405.status).toBe(405);
    const enveloped = await fetch(`${base}/api/v1/jobs`, { method: "PUT", headers: auth() });
    expect(enveloped.status).toBe(405);
    expect(enveloped.headers.get("allow")).toBe("GET, POST, HEAD");
  });

  it("writes light, streamed and cookie responses", async () => {
    const light = await fetch(`${base}/api/v1/light`);
    expect([light.status, light.headers.get("x-test"), await light.text()]).toEqual([203, "1", "light body"]);
    expect(light.headers.get("content-length")).toBe("10"); // written whole, not streamed
    const streamed = await fetch(`${base}/api/v1/stream`);
    expect(await streamed.text()).toBe("streamed body");
    const cookie = await fetch(`${base}/api/v1/cookie`);
    expect(cookie.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("answers a throwing handler with the generic 500 envelope", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await fetch(`${base}/api/v1/throws`);
    expect(response.status).toBe(500);
    const json = await response.json();
    expect(json.error).toMatchObject({ code: "INTERNAL_ERROR", message: "An unexpected error occurred" });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it("routes unknown paths to the catch-all and leaves what Next normalizes to Next", async () => {
    expect(await (await fetch(`${base}/api/v1/unknown/deep`)).text()).toBe("fallback");
    for (const path of ["/api/v1/jobs/", "/docs", "/api/v1x"]) {
      const response = await fetch(`${base}${path}`);
      expect([path, response.status]).toEqual([path, 299]);
    }
  });
});

describe("LightResponse", () => {
  it("is a Response to its readers", async () => {
    const response = LightResponse.json({ a: 1 }, { status: 201 });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ a: 1 });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it("becomes a real Response for anything else", async () => {
    const response = new LightResponse(new Uint8Array([104, 105]), { headers: { "x-a": "b" } });
    expect(await new Response(response.body).text()).toBe("hi");
    expect(response.clone).toBeTypeOf("function");
  });
});
