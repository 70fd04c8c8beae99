import { expect, test } from "@playwright/test";
import { auth, newCompany, newKey } from "./pipeline-fixtures";

// The production server (scripts/server.mjs) answers /api/v1 on its fast path and the rest with
// Next. They can be told apart on the wire: the fast path sends a whole body with Content-Length and
// none of the `Vary: rsc, …` Next adds to everything it serves.
test.describe.configure({ timeout: 180_000 });

let key: string;

test.beforeAll(async () => {
  key = (await newKey({ company: await newCompany("Fast path") }, ["read:all"])).key;
});

function servedByNext(headers: Record<string, string>): boolean {
  return /\brsc\b/i.test(headers.vary ?? "");
}

test("/api/v1 is served by the fast path, with the security headers Next would add", async ({ request }) => {
  for (const [path, status] of [
    ["/api/v1/jobs?limit=5", 200],
    ["/api/v1/companies/current", 200],
    ["/api/v1/no-such-thing", 404],
  ] as const) {
    const response = await request.get(path, { headers: auth(key) });
    expect(response.status(), path).toBe(status);
    const headers = response.headers();
    expect(servedByNext(headers), `${path} went through Next`).toBe(false);
    expect(Number(headers["content-length"]), path).toBe((await response.body()).length);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-request-id"]).toMatch(/^req_/);
  }
});

test("everything else still goes to Next: health, pages (with their CSP), the docs", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(servedByNext(health.headers())).toBe(true);
  const login = await request.get("/login");
  expect(login.status()).toBe(200);
  expect(login.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
  expect(await login.text()).toContain("<html");
  const docs = await request.get("/docs");
  expect(docs.status()).toBe(200);
  // A trailing slash is left to Next, which redirects it like any other path.
  const slash = await request.get("/api/v1/jobs/", { headers: auth(key), maxRedirects: 0 });
  expect(slash.status()).toBe(308);
});
