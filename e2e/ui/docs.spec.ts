import { expect, type Page, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { newKey } from "../api/pipeline-fixtures";

/** Swagger UI labels its Logout button "Remove authorization". */
const LOGOUT = /Remove authorization|Logout/;

/** Swagger UI at /docs (seed: "available at /docs on any running instance"), from local assets only. */
class DocsPage {
  constructor(readonly page: Page) {}

  operation(tag: string, operationId: string) {
    return this.page.locator(`#operations-${tag}-${operationId}`);
  }

  /** Opens Authorize and fills the scheme's value (bearerAuth or klauTenantId), then closes the dialog. */
  async authorize(values: Partial<Record<"bearerAuth" | "klauTenantId", string>>) {
    await this.page.getByRole("button", { name: "Authorize" }).first().click();
    const dialog = this.page.locator(".modal-ux");
    for (const [scheme, value] of Object.entries(values)) {
      const form = dialog.locator(".auth-container").filter({ hasText: scheme });
      await form.locator("input").fill(value);
      await form.getByRole("button", { name: "Apply credentials" }).click();
      await expect(form.getByRole("button", { name: LOGOUT })).toBeVisible();
    }
    await dialog.getByRole("button", { name: "Close" }).first().click();
  }

  async tryListJobs(date: string) {
    const op = this.operation("Jobs", "listJobs");
    // Deep links keep the operation open across a reload; a click would then collapse it.
    if (!(await op.evaluate((el) => el.classList.contains("is-open")))) await op.locator(".opblock-summary").click();
    await op.getByRole("button", { name: "Try it out" }).click();
    await op.locator('tr[data-param-name="date"] input').fill(date);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => {
        const url = new URL(r.url());
        return url.pathname === "/api/v1/jobs" && url.searchParams.get("date") === date;
      }),
      op.getByRole("button", { name: "Execute" }).click(),
    ]);
    await expect(op.locator(".live-responses-table td.response-col_status:not(.col_header)").first()).toHaveText(/^200/);
    return response;
  }
}

test("/docs loads Swagger UI with the Klau document and no request leaves this origin", async ({ page, baseURL }) => {
  const requests: string[] = [];
  const cspErrors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") cspErrors.push(m.text());
  });
  await page.goto("/docs");
  await expect(page).toHaveTitle("Klau API reference");
  const docs = new DocsPage(page);
  for (const id of ["listJobs", "createJob", "getJob", "updateJob", "deleteJob"]) await expect(docs.operation("Jobs", id)).toBeVisible();
  await expect(page.getByRole("button", { name: "Authorize" }).first()).toBeVisible();

  const origin = new URL(baseURL ?? "").origin;
  expect(requests.length).toBeGreaterThan(2);
  expect(requests.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin)).toEqual([]);
  expect(requests.some((url) => url.endsWith("/api/v1/openapi.json"))).toBe(true);
  expect(cspErrors).toEqual([]);
});

test("Try it out with a direct key, then a vendor key with Klau-Tenant-Id from the Authorize dialog", async ({ page }) => {
  test.setTimeout(150_000); // two operator-CLI keys, then Swagger UI twice: slow on a loaded 2-core machine
  const [direct, vendor] = await Promise.all([
    newKey({ company: DEMO.companies.north.id }, ["read:jobs"], "docs direct"),
    newKey({ vendor: DEMO.vendor.id }, ["read:jobs"], "docs vendor"),
  ]);
  await page.goto("/docs");
  const docs = new DocsPage(page);

  await docs.authorize({ bearerAuth: direct.key });
  const first = await docs.tryListJobs("2026-03-15");
  expect(first.status()).toBe(200);
  expect(first.request().headers().authorization).toBe(`Bearer ${direct.key}`);
  expect(((await first.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);

  // Persisted across a reload (persistAuthorization); swap to the vendor key and name the tenant.
  await page.reload();
  await page.getByRole("button", { name: "Authorize" }).first().click();
  const bearer = page.locator(".modal-ux .auth-container").filter({ hasText: "bearerAuth" });
  await expect(bearer.getByRole("button", { name: LOGOUT })).toBeVisible();
  await bearer.getByRole("button", { name: LOGOUT }).click();
  await page.locator(".modal-ux").getByRole("button", { name: "Close" }).first().click();
  await docs.authorize({ bearerAuth: vendor.key, klauTenantId: DEMO.companies.north.id });
  const second = await docs.tryListJobs("2026-03-15");
  expect(second.status()).toBe(200);
  expect(second.request().headers()["klau-tenant-id"]).toBe(DEMO.companies.north.id);
});
