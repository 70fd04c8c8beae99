import { randomUUID } from "node:crypto";
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { auth, newCompany, newKey } from "./pipeline-fixtures";
import { expectApiError } from "./security-suite";

// Fixtures go through the operator CLI (a process per call): allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

let key: string;

test.beforeAll(async () => {
  key = (await newKey({ company: await newCompany("Idempotency") }, ["read:all", "write:all"])).key;
});

async function customersNamed(request: APIRequestContext, name: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: APIResponse = await request.get(`/api/v1/customers?limit=100${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth(key) });
    const body = (await page.json()) as { data: { name: string }[]; pagination: { nextCursor: string | null } };
    count += body.data.filter((c) => c.name === name).length;
    cursor = body.pagination.nextCursor;
  } while (cursor);
  return count;
}

test.describe("idempotency", () => {
  test("50 concurrent identical POSTs create exactly one row", async ({ request }) => {
    const name = `Concurrent ${randomUUID()}`;
    const idem = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => request.post("/api/v1/customers", { headers: auth(key, { "idempotency-key": idem }), data: { name } })),
    );
    const executed = responses.filter((r) => r.status() === 201 && r.headers()["x-idempotency-hit"] === undefined);
    expect(executed).toHaveLength(1);
    for (const response of responses) {
      if (response.status() === 201) continue;
      await expectApiError(response, 409, "IDEMPOTENCY_KEY_IN_USE");
    }
    const replays = responses.filter((r) => r.headers()["x-idempotency-hit"] === "true");
    const original = await executed[0]?.text();
    for (const replay of replays) expect(await replay.text()).toBe(original);
    expect(await customersNamed(request, name)).toBe(1);
  });

  test("a repeat returns the stored response unchanged, marked as a hit, without executing", async ({ request }) => {
    const name = `Replay ${randomUUID()}`;
    const headers = auth(key, { "idempotency-key": `replay-${randomUUID()}` });
    const first = await request.post("/api/v1/customers", { headers, data: { name } });
    expect(first.status()).toBe(201);
    expect(first.headers()["x-idempotency-hit"]).toBeUndefined();
    const second = await request.post("/api/v1/customers", { headers, data: { name } });
    expect(second.status()).toBe(201);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers()["x-idempotency-hit"]).toBe("true");
    expect(second.headers()["idempotent-replayed"]).toBe("true");
    expect(second.headers().location).toBe(first.headers().location);
    expect(await customersNamed(request, name)).toBe(1);
  });

  test("the same key with a different body or path → 422 IDEMPOTENCY_KEY_REUSED", async ({ request }) => {
    const headers = auth(key, { "idempotency-key": `reuse-${randomUUID()}` });
    expect((await request.post("/api/v1/customers", { headers, data: { name: "Reuse A" } })).status()).toBe(201);
    await expectApiError(await request.post("/api/v1/customers", { headers, data: { name: "Reuse B" } }), 422, "IDEMPOTENCY_KEY_REUSED");
    await expectApiError(await request.post("/api/v1/drivers", { headers, data: { name: "Reuse A" } }), 422, "IDEMPOTENCY_KEY_REUSED");
  });

  test("stored failures replay too (a 4xx is an answer), and keys are per account", async ({ request }) => {
    const idem = `fail-${randomUUID()}`;
    const bad = await request.post("/api/v1/customers", { headers: auth(key, { "idempotency-key": idem }), data: { name: "" } });
    await expectApiError(bad, 400, "VALIDATION_ERROR");
    const again = await request.post("/api/v1/customers", { headers: auth(key, { "idempotency-key": idem }), data: { name: "" } });
    expect(again.headers()["x-idempotency-hit"]).toBe("true");
    const otherKey = (await newKey({ company: await newCompany("Idempotency other") }, ["write:all"])).key;
    const elsewhere = await request.post("/api/v1/customers", { headers: auth(otherKey, { "idempotency-key": idem }), data: { name: "" } });
    expect(elsewhere.headers()["x-idempotency-hit"]).toBeUndefined();
  });

  test("an invalid Idempotency-Key → 400", async ({ request }) => {
    for (const value of ["x".repeat(256), "naïve"]) {
      const response = await request.post("/api/v1/customers", {
        headers: auth(key, { "idempotency-key": value }),
        data: { name: "Invalid key" },
      });
      await expectApiError(response, 400, "INVALID_IDEMPOTENCY_KEY");
    }
  });
});
