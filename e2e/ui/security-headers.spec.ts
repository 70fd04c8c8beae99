import { expect, type Page, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { AppShell } from "../pages/app-shell";
import { LoginPage } from "../pages/login-page";

/**
 * App pages carry a nonce-based CSP (no framing), nosniff and a referrer policy, HSTS only over
 * https (the e2e server trusts one proxy, so `X-Forwarded-Proto: https` stands for a TLS proxy),
 * and the pages still hydrate and work with the CSP on.
 */

/** Records every CSP violation the page reports (blocked scripts would stop hydration). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCsp", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("a page answers with a fresh nonce CSP that forbids framing, nosniff and a referrer policy; no HSTS over http", async ({ request }) => {
  const [first, second] = [await request.get("/login"), await request.get("/login")];
  for (const response of [first, second]) {
    expect(response.status()).toBe(200);
    const h = response.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["strict-transport-security"]).toBeUndefined();
  }
  const nonceOf = (csp = "") => /'nonce-([^']+)'/.exec(csp)?.[1];
  const nonce = nonceOf(first.headers()["content-security-policy"]);
  expect(nonce).not.toBe(nonceOf(second.headers()["content-security-policy"]));
  // Next put this response's nonce on its own scripts.
  expect(await first.text()).toContain(`nonce="${nonce}"`);
});

test("a redirect to /login carries the headers too (a signed-out settings page)", async ({ request }) => {
  const response = await request.get(`/${DEMO.companies.north.id}/settings/developer/keys`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("HSTS (and upgrade-insecure-requests) when a trusted proxy says the page was served over https", async ({ request }) => {
  const response = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("API answers carry nosniff too", async ({ request }) => {
  for (const path of ["/api/v1/jobs", "/api/health", "/api/v1/openapi.json"]) {
    expect((await request.get(path)).headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

test("with the CSP on, the login page hydrates, sign-in works and a settings page renders, without a violation", async ({ page }) => {
  const violations = await watchCsp(page);
  const hydrated = () => page.evaluate(() => typeof (window as unknown as { next?: { version?: unknown } }).next?.version === "string");
  const login = new LoginPage(page);
  await login.goto();
  await expect.poll(hydrated).toBe(true); // Next's client bootstrap ran: its scripts were allowed
  await login.signIn(DEMO.users.corporate.email);
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.goto(`/${DEMO.companies.corporate.id}/settings/developer/keys`);
  const shell = new AppShell(page);
  await expect(shell.heading).toHaveText("API keys");
  await expect.poll(hydrated).toBe(true);
  // A Radix menu only opens with React running in the page.
  await shell.tenantSwitcher.click();
  await expect(shell.tenantOption(DEMO.companies.north.name)).toBeVisible();
  expect(violations).toEqual([]);
});

test("Swagger UI at /docs keeps its own CSP and still renders", async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto("/docs");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  await expect(page.getByRole("button", { name: "Authorize" }).first()).toBeVisible();
  expect(violations).toEqual([]);
});
