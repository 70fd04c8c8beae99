import { expect, test } from "@playwright/test";
import { auth, newCompany, newKey, randomIp } from "./pipeline-fixtures";
import { expectApiError } from "./security-suite";

// Fixtures go through the operator CLI (a process per call): allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

test.describe("rate limiting", () => {
  test("exactly 500 of 600 concurrent requests are admitted; 429 has the right shape", async ({ request }) => {
    // A fresh company: no other test's traffic counts against this budget.
    const company = await newCompany("Rate limit");
    const [first, second] = await Promise.all([newKey({ company }, ["read:all"]), newKey({ company }, ["read:all"])]);
    const responses = await Promise.all(
      Array.from({ length: 600 }, (_, i) => request.get("/api/v1/companies/current", { headers: auth(i % 2 ? first.key : second.key) })),
    );
    const statuses = responses.map((r) => r.status());
    expect(statuses.filter((s) => s === 200)).toHaveLength(500);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100);

    const remaining = responses.filter((r) => r.status() === 200).map((r) => Number(r.headers()["x-ratelimit-remaining"]));
    expect([...remaining].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    for (const response of responses) {
      const h = response.headers();
      expect(h["x-ratelimit-limit"]).toBe("500");
      expect(Number(h["x-ratelimit-reset"])).toBeGreaterThan(0);
      expect(Number(h["x-ratelimit-reset"])).toBeLessThanOrEqual(900);
      expect(h["ratelimit-policy"]).toBe("500;w=900");
    }

    const limited = await request.get("/api/v1/companies/current", { headers: auth(first.key) });
    const error = await expectApiError(limited, 429, "RATE_LIMITED");
    const h = limited.headers();
    expect(h["x-ratelimit-remaining"]).toBe("0");
    expect(Number(h["retry-after"])).toBeGreaterThan(0);
    expect(h["retry-after"]).toBe(h["x-ratelimit-reset"]);
    expect(h.ratelimit).toBe(`limit=500, remaining=0, reset=${h["retry-after"]}`);
    expect(error.message).toMatch(/500 requests per 15 minutes/);

    // Another company is not affected.
    const elsewhere = await newKey({ company: await newCompany("Rate limit other") }, ["read:all"]);
    const ok = await request.get("/api/v1/companies/current", { headers: auth(elsewhere.key) });
    expect(ok.status()).toBe(200);
    expect(ok.headers()["x-ratelimit-remaining"]).toBe("499");
  });

  test("unauthenticated requests are counted per client IP", async ({ request }) => {
    const ip = randomIp();
    const a = await request.get("/api/v1/companies/current", { headers: { "x-forwarded-for": ip } });
    const b = await request.get("/api/v1/companies/current", { headers: { "x-forwarded-for": ip } });
    const other = await request.get("/api/v1/companies/current", { headers: { "x-forwarded-for": randomIp() } });
    expect([a.status(), b.status(), other.status()]).toEqual([401, 401, 401]);
    expect(Number(b.headers()["x-ratelimit-remaining"])).toBe(Number(a.headers()["x-ratelimit-remaining"]) - 1);
    expect(other.headers()["x-ratelimit-remaining"]).toBe("499");
  });

  test("a rotating spoofed left part of X-Forwarded-For (or X-Real-IP) does not buy a fresh budget", async ({ request }) => {
    // The e2e server trusts one proxy hop (KLAU_TRUST_PROXY=1): only the right-most entry, the one
    // that proxy appended, names the client. 1 200 rotating first hops met no limit before.
    const ip = randomIp();
    const remaining: number[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await request.get("/api/v1/companies/current", {
        headers: { "x-forwarded-for": `${randomIp()}, ${randomIp()}, ${ip}`, "x-real-ip": randomIp() },
      });
      expect(response.status()).toBe(401);
      remaining.push(Number(response.headers()["x-ratelimit-remaining"]));
    }
    // One bucket: every request took a point from the same window.
    expect(remaining).toEqual(Array.from({ length: 20 }, (_, i) => 499 - i));
  });
});
