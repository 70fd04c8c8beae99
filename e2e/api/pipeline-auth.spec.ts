import { expect, test } from "@playwright/test";
import { DEMO } from "@/lib/db/demo";
import { auth, listKeys, newCompany, newKey, randomIp, revokeKey } from "./pipeline-fixtures";
import { expectApiError } from "./security-suite";

// Fixtures go through the operator CLI (a process per call): allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

const current = "/api/v1/companies/current";

test.describe("authentication", () => {
  test("each failure says which, with WWW-Authenticate: Bearer", async ({ request }) => {
    const ip = { "x-forwarded-for": randomIp() };
    const cases: [Record<string, string>, string][] = [
      [{}, "Missing API key"],
      [{ authorization: "Token abc" }, "Bearer scheme"],
      [{ authorization: "Bearer kl_live_short" }, "Malformed API key"],
      [{ authorization: `Bearer kl_live_${"a".repeat(38)}` }, "checksum"],
    ];
    const messages = new Set<string>();
    for (const [headers, fragment] of cases) {
      const response = await request.get(current, { headers: { ...ip, ...headers } });
      const error = await expectApiError(response, 401, "UNAUTHORIZED");
      expect(error.message).toContain(fragment);
      expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
      messages.add(String(error.message));
    }
    expect(messages.size).toBe(cases.length);
  });

  test("keys in the query string or a cookie are not accepted", async ({ request }) => {
    const company = await newCompany("Auth query");
    const { key } = await newKey({ company }, ["read:all"]);
    await expectApiError(await request.get(`${current}?api_key=${key}`), 401, "UNAUTHORIZED");
    await expectApiError(await request.get(current, { headers: { cookie: `api_key=${key}` } }), 401, "UNAUTHORIZED");
  });

  test("a key revoked a moment ago is refused on the very next request", async ({ request }) => {
    const company = await newCompany("Auth revoke");
    const created = await newKey({ company }, ["read:all"]);
    // Warm every cache on the way first.
    for (let i = 0; i < 3; i++) expect((await request.get(current, { headers: auth(created.key) })).status()).toBe(200);
    await revokeKey(created.id);
    const error = await expectApiError(await request.get(current, { headers: auth(created.key) }), 401, "UNAUTHORIZED");
    expect(error.message).toBe("This API key has been revoked");
  });

  test("an unknown key and a revoked key of another company give no hint about each other", async ({ request }) => {
    const unknown = await expectApiError(await request.get(current, { headers: auth(`kl_live_${"b".repeat(32)}${"0".repeat(6)}`) }), 401, "UNAUTHORIZED");
    expect(JSON.stringify(unknown)).not.toContain(DEMO.companies.north.id);
  });

  test("using a key updates its last-used time (written in the background)", async ({ request }) => {
    const company = await newCompany("Auth last used");
    const created = await newKey({ company }, ["read:all"]);
    expect((await request.get(current, { headers: auth(created.key) })).status()).toBe(200);
    await expect.poll(async () => (await listKeys(company)).find((k) => k.id === created.id)?.lastUsedAt ?? null, { timeout: 15_000 }).not.toBeNull();
  });
});
