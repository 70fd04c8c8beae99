import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { klau } from "../fixtures/cli";
import { snap } from "../fixtures/screenshots";
import { signInWithPassword } from "../fixtures/session";
import { vendorApi } from "../pages/partnerships";
import { UsagePage } from "../pages/usage-pages";

/**
 * Issue 13: vendors see their usage per hauler in /vendor. A vendor of its own with partnerships
 * with North and South; the page's counts match exactly the calls made for each.
 */
test.describe.configure({ timeout: 180_000 });

const { north, south, corporate } = DEMO.companies;

test("a vendor's usage page: requests, errors and headroom per hauler, and one hauler's report, match the calls made", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const vendorId = (await klau<{ id: string }>(["vendors", "create", "--name", `Usagevendor ${tag}`])).id;
  const email = `dev+${tag}@usagevendor.test`;
  const password = `Usage-${tag}-pass`;
  await klau(["users", "create", "--email", email, "--password", password, "--vendor", vendorId]);
  for (const company of [north.id, south.id]) await klau(["partnerships", "create", "--vendor", vendorId, "--company", company, "--scopes", "read:jobs"]);
  const key = await klau<{ key: string }>(["keys", "create", "--vendor", vendorId, "--name", `usage-${tag}`, "--scopes", "read:all"]);

  const forNorth = vendorApi(request, key.key, north.id);
  expect((await forNorth.listJobs()).status()).toBe(200);
  expect((await forNorth.listJobs()).status()).toBe(200);
  expect((await forNorth.listDrivers()).status()).toBe(403);
  expect((await vendorApi(request, key.key, south.id).listJobs()).status()).toBe(200);

  await signInWithPassword(page, email, password);
  const perHauler = page.getByRole("table", { name: "Requests per hauler" });
  const row = (name: string) => perHauler.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  // The request log is written in batches and rolled up: reload until all four calls are counted.
  await expect(async () => {
    await page.goto("/vendor/usage?range=24h");
    await expect(row(north.name).getByRole("cell").nth(1)).toHaveText("3", { timeout: 1_000 });
    await expect(row(south.name).getByRole("cell").nth(1)).toHaveText("1", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row(north.name).getByRole("cell").nth(2)).toHaveText("1");
  await expect(row(south.name).getByRole("cell").nth(2)).toHaveText("0");
  await expect(row(north.name).getByRole("cell").nth(3)).toContainText(/^3 \/ \d+/);
  await expect(page.getByRole("heading", { name: "Report for all haulers" })).toBeVisible();
  const usage = new UsagePage(page);
  await expect(usage.total("Requests")).toHaveText("4");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "vendor-usage-all");

  await row(north.name).getByRole("link", { name: north.name }).click();
  await expect(page.getByRole("heading", { name: `Report for ${north.name}` })).toBeVisible();
  await expect(usage.total("Requests")).toHaveText("3");
  await expect(usage.total("Errors")).toHaveText("1");
  await expect(page.getByRole("table", { name: `Requests per key for ${north.name}` })).toContainText(`usage-${tag}`);
  // A range keeps the chosen hauler.
  await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(new RegExp(`hauler=${north.id}`));
  await expect(page.getByRole("heading", { name: `Report for ${north.name}` })).toBeVisible();
  await expect(usage.total("Requests")).toHaveText("3");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "vendor-usage-hauler");

  // A company without a partnership with this vendor is not a choice: the page shows all of the vendor's own haulers.
  await page.goto(`/vendor/usage?hauler=${corporate.id}`);
  await expect(page.getByRole("heading", { name: "Report for all haulers" })).toBeVisible();
  await expect(page.getByRole("link", { name: corporate.name, exact: true })).toHaveCount(0);
});
