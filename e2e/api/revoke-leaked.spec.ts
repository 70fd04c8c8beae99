import { expect, test } from "@playwright/test";
import { generateApiKey } from "../../lib/keys/format";
import { auth, newCompany, newKey, randomIp } from "./pipeline-fixtures";

const ENDPOINT = "/api/v1/keys/revoke-leaked";

test("a live key posted to revoke-leaked stops working; an unknown key gets the very same answer", async ({ request }) => {
  const company = await newCompany("Leaky");
  const live = await newKey({ company }, ["read:jobs"], "leaked");
  const bystander = await newKey({ company }, ["read:jobs"], "bystander");
  expect((await request.get("/api/v1/jobs", { headers: auth(live.key) })).status()).toBe(200);

  const ip = randomIp();
  const reported = await request.post(ENDPOINT, { data: { keys: [live.key] }, headers: { "x-forwarded-for": ip } });
  const unknown = await request.post(ENDPOINT, { data: { keys: [generateApiKey().secret] }, headers: { "x-forwarded-for": ip } });
  const garbage = await request.post(ENDPOINT, { data: { keys: ["not a key at all"] }, headers: { "x-forwarded-for": ip } });
  for (const response of [reported, unknown, garbage]) {
    expect(response.status()).toBe(202);
    expect(await response.json()).toEqual({ data: { received: 1 } });
  }
  const refused = await request.get("/api/v1/jobs", { headers: auth(live.key) });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toBe("This API key has been revoked");
  expect((await request.get("/api/v1/jobs", { headers: auth(bystander.key) })).status()).toBe(200);
  // Reporting it again (already revoked) reads the same.
  const again = await request.post(ENDPOINT, { data: { keys: [live.key] }, headers: { "x-forwarded-for": ip } });
  expect(await again.json()).toEqual({ data: { received: 1 } });
});

test("revoke-leaked needs no key, takes at most 100 keys, and explains bad input in the envelope", async ({ request }) => {
  const ip = randomIp();
  const headers = { "x-forwarded-for": ip };
  const tooMany = await request.post(ENDPOINT, { data: { keys: Array.from({ length: 101 }, () => generateApiKey().secret) }, headers });
  expect(tooMany.status()).toBe(400);
  expect((await tooMany.json()).error).toMatchObject({ code: "VALIDATION_ERROR" });
  const empty = await request.post(ENDPOINT, { data: { keys: [] }, headers });
  expect(empty.status()).toBe(400);
  const notJson = await request.post(ENDPOINT, { data: "keys=1", headers: { ...headers, "content-type": "text/plain" } });
  expect([400, 415]).toContain(notJson.status());
  expect((await notJson.json()).error.code).toMatch(/INVALID_JSON|UNSUPPORTED_MEDIA_TYPE/);
  const get = await request.get(ENDPOINT, { headers });
  expect(get.status()).toBe(405);
  const hundred = await request.post(ENDPOINT, { data: { keys: Array.from({ length: 100 }, () => generateApiKey().secret) }, headers });
  expect(hundred.status()).toBe(202);
  expect(await hundred.json()).toEqual({ data: { received: 100 } });
});

test("revoke-leaked is rate limited per client address", async ({ request }) => {
  const ip = randomIp();
  const headers = { "x-forwarded-for": ip };
  let limited = null as null | { status: number; retryAfter: string | null };
  for (let i = 0; i < 40 && !limited; i += 1) {
    const response = await request.post(ENDPOINT, { data: { keys: Array.from({ length: 100 }, () => generateApiKey().secret) }, headers });
    if (response.status() === 429) limited = { status: 429, retryAfter: response.headers()["retry-after"] ?? null };
    else expect(response.status()).toBe(202);
  }
  expect(limited).toMatchObject({ status: 429 });
  expect(Number(limited?.retryAfter)).toBeGreaterThan(0);
  // Another address is not affected.
  const other = await request.post(ENDPOINT, { data: { keys: [generateApiKey().secret] }, headers: { "x-forwarded-for": randomIp() } });
  expect(other.status()).toBe(202);
});

test("revoke-leaked is in the OpenAPI document, without a security requirement", async ({ request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, { post?: { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> } }>;
  };
  const operation = doc.paths[ENDPOINT]?.post;
  expect(operation).toBeDefined();
  expect(operation?.security).toEqual([]);
  expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(["202", "400", "429"]));
});
