import { expect, test } from "@playwright/test";
import { auth, newCompany, newKey, randomIp } from "./pipeline-fixtures";
import { expectApiError } from "./security-suite";

// Fixtures go through the operator CLI (a process per call): allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

let company: string;
let other: string;
let key: string;

test.beforeAll(async () => {
  [company, other] = await Promise.all([newCompany("Envelope"), newCompany("Envelope other")]);
  key = (await newKey({ company }, ["read:all", "write:all"])).key;
});

test.describe("envelope, request id and errors", () => {
  test("success is {data}, with a fresh x-request-id and rate-limit headers", async ({ request }) => {
    const a = await request.get("/api/v1/companies/current", { headers: auth(key) });
    const b = await request.get("/api/v1/companies/current", { headers: auth(key) });
    for (const response of [a, b]) {
      expect(response.status()).toBe(200);
      expect(Object.keys(await response.json())).toEqual(["data"]);
      expect(response.headers()["x-request-id"]).toMatch(/^req_[0-9a-f]{32}$/);
      expect(response.headers()["x-ratelimit-limit"]).toBe("500");
      expect(response.headers()["ratelimit-policy"]).toBe("500;w=900");
      expect(response.headers().ratelimit).toMatch(/^limit=500, remaining=\d+, reset=\d+$/);
    }
    expect(a.headers()["x-request-id"]).not.toBe(b.headers()["x-request-id"]);
  });

  test("lists are {data: [...], pagination: {nextCursor}}", async ({ request }) => {
    const response = await request.get("/api/v1/customers?limit=1", { headers: auth(key) });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ data: expect.any(Array), pagination: { nextCursor: null } });
  });

  test("a client-sent x-request-id is not echoed (ids are ours, unique)", async ({ request }) => {
    const response = await request.get("/api/v1/companies/current", { headers: auth(key, { "x-request-id": "forged" }) });
    expect(response.headers()["x-request-id"]).not.toBe("forged");
  });

  test("unknown resource paths → 401 before authentication, 404 NOT_FOUND after (never 500)", async ({ request }) => {
    const ip = { "x-forwarded-for": randomIp() };
    for (const path of ["/api/v1", "/api/v1/billing", "/api/v1/reports/daily", "/api/v1/not-a-resource", "/api/v1/jobs/x/y/z"]) {
      await expectApiError(await request.get(path, { headers: ip }), 401, "UNAUTHORIZED");
      await expectApiError(await request.get(path, { headers: auth(key) }), 404, "NOT_FOUND");
      await expectApiError(await request.post(path, { headers: auth(key), data: {} }), 404, "NOT_FOUND");
      await expectApiError(await request.delete(path, { headers: auth(key) }), 404, "NOT_FOUND");
    }
  });

  test("an unsupported method on a known path → 405 METHOD_NOT_ALLOWED in the envelope", async ({ request }) => {
    const response = await request.post("/api/v1/companies/current", { headers: auth(key), data: {} });
    await expectApiError(response, 405, "METHOD_NOT_ALLOWED");
    expect(response.headers().allow).toBe("GET, HEAD");
    const onCollection = await request.put("/api/v1/jobs", { headers: auth(key), data: {} });
    await expectApiError(onCollection, 405, "METHOD_NOT_ALLOWED");
    expect(onCollection.headers().allow).toBe("GET, POST, HEAD");
    const onItem = await request.post("/api/v1/drivers/00000000-0000-4000-8000-000000000000", { headers: auth(key), data: {} });
    await expectApiError(onItem, 405, "METHOD_NOT_ALLOWED");
    expect(onItem.headers().allow).toBe("GET, PATCH, DELETE, HEAD");
    await expectApiError(await request.delete("/api/v1/usage", { headers: { "x-forwarded-for": randomIp() } }), 401, "UNAUTHORIZED");
  });

  test("invalid JSON → 400 INVALID_JSON", async ({ request }) => {
    const response = await request.post("/api/v1/customers", {
      headers: auth(key, { "content-type": "application/json" }),
      data: Buffer.from('{"name": "x",'),
    });
    await expectApiError(response, 400, "INVALID_JSON");
  });

  test("schema violations → 400 VALIDATION_ERROR listing each field", async ({ request }) => {
    const response = await request.post("/api/v1/customers", { headers: auth(key), data: { name: "", email: "not-an-email" } });
    const error = await expectApiError(response, 400, "VALIDATION_ERROR");
    const paths = (error.fields as { path: string; message: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(["email", "name"]);
  });

  test("a body over 1 MB → 413 PAYLOAD_TOO_LARGE", async ({ request }) => {
    const response = await request.post("/api/v1/customers", {
      headers: auth(key, { "content-type": "application/json" }),
      data: Buffer.from(JSON.stringify({ name: "big", notes: "x".repeat(1024 * 1024) })),
    });
    await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
  });

  test("a chunked body (no Content-Length) over 1 MB → 413 too", async ({ baseURL }) => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 1024 * 1024 + chunk.byteLength) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${baseURL}/api/v1/customers`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("a non-JSON content type → 415", async ({ request }) => {
    const response = await request.post("/api/v1/customers", { headers: auth(key), form: { name: "form" } });
    await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  test("client-sent tenant or id fields cannot change ownership (mass assignment)", async ({ request }) => {
    const sneaky = await request.post("/api/v1/customers", {
      headers: auth(key),
      data: { name: "Mass", companyId: other, id: "00000000-0000-4000-8000-000000000000" },
    });
    // Either refused as unknown fields, or stripped: never stored for the other tenant.
    if (sneaky.status() === 400) {
      const error = await expectApiError(sneaky, 400, "VALIDATION_ERROR");
      expect(JSON.stringify(error.fields)).toContain("companyId");
    } else {
      expect(sneaky.status()).toBe(201);
      const created = (await sneaky.json()).data;
      expect(created.id).not.toBe("00000000-0000-4000-8000-000000000000");
      expect(created.companyId ?? company).toBe(company);
    }
  });

  test("a missing object is NOT_FOUND with the seed's wording", async ({ request }) => {
    const error = await expectApiError(await request.get("/api/v1/jobs/00000000-0000-4000-8000-000000000000", { headers: auth(key) }), 404, "NOT_FOUND");
    expect(error.message).toBe("Job not found");
  });
});
