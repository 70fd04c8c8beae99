import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { klau } from "../fixtures/cli";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";
import { vendorApi } from "../pages/partnerships";

const north = DEMO.companies.north;

test("a key whose own scopes lack what the grant allows → 403, and the effective-access view explains each side", async ({ page, request }) => {
  // North granted RouteWare read:jobs (among others) but not read:sites; this key holds read:drivers and read:sites only.
  const key = await klau<{ id: string; key: string }>([
    "keys",
    "create",
    "--vendor",
    DEMO.vendor.id,
    "--name",
    "narrow-e2e",
    "--scopes",
    "read:drivers,read:sites",
  ]);
  const api = vendorApi(request, key.key, north.id);
  const jobs = await api.listJobs();
  expect(jobs.status()).toBe(403);
  expect((await jobs.json()).error.message).toBe("This API key lacks the scope read:jobs");
  expect((await api.listDrivers()).status()).toBe(200);

  await signInAs(page, "vendor");
  await page.goto("/vendor/access");
  await page.getByLabel("Key").selectOption(key.id);
  await page.getByLabel("Hauler").selectOption({ label: `${north.name} — active` });
  await page.getByRole("button", { name: "Show access" }).click();
  const table = page.getByRole("table", { name: `Effective access of narrow-e2e for ${north.name}` });
  const row = (resource: string) => table.getByRole("row").filter({ has: page.getByRole("cell", { name: resource, exact: true }) });
  await expect(row("jobs").getByRole("cell").nth(1)).toContainText("The key narrow-e2e lacks read:jobs");
  await expect(row("jobs").getByRole("cell").nth(1)).toContainText("API: 403 “This API key lacks the scope read:jobs”");
  await expect(row("sites").getByRole("cell").nth(1)).toContainText(`${north.name} has not granted read:sites`);
  await expect(row("sites").getByRole("cell").nth(1)).toContainText("The tenant has not granted the scope read:sites to this vendor");
  await expect(row("drivers").getByRole("cell").nth(1)).toHaveText("Allowed");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "vendor-effective-access");
});

test("vendor keys: listed masked with scopes, never a secret; a vendor user revokes one at once → 401", async ({ page, request }) => {
  const key = await klau<{ id: string; key: string; last4: string }>([
    "keys",
    "create",
    "--vendor",
    DEMO.vendor.id,
    "--name",
    "leaked-e2e",
    "--scopes",
    "read:jobs",
  ]);
  await signInAs(page, "vendor");
  await page.goto("/vendor/keys");
  const row = page.getByRole("row").filter({ hasText: "leaked-e2e" });
  await expect(row).toContainText(`…${key.last4}`);
  await expect(page.getByText(key.key)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "vendor-keys");
  await row.getByRole("button", { name: "Revoke leaked-e2e" }).click();
  await expectNoSeriousA11yViolations(page, { include: "[role=alertdialog]" });
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Key “leaked-e2e” revoked")).toBeVisible();
  expect((await vendorApi(request, key.key, north.id).listJobs()).status()).toBe(401);
});

test("who can access our data: direct keys and partners with effective scopes; members see, do not act", async ({ page }) => {
  await signInAs(page, "northAdmin");
  await page.goto(`/${north.id}/settings/developer/access`);
  await expect(page.getByRole("heading", { level: 1, name: "Data access" })).toBeVisible();
  const partners = page.getByRole("table", { name: "Vendor partners with access" });
  await expect(partners.getByRole("row").filter({ hasText: DEMO.vendor.name })).toContainText("write:dispatches");
  await expect(partners.getByRole("button", { name: `Suspend ${DEMO.vendor.name}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await snap(page, "hauler-data-access");

  await page.context().clearCookies();
  await signInAs(page, "northMember");
  await page.goto(`/${north.id}/settings/developer/access`);
  await expect(page.getByRole("table", { name: "Vendor partners with access" }).getByRole("row").filter({ hasText: DEMO.vendor.name })).toBeVisible();
  await expect(page.getByRole("button", { name: `Suspend ${DEMO.vendor.name}` })).toHaveCount(0);
  await page.goto(`/${north.id}/settings/developer/partners`);
  await expect(page.getByText("Only admins of")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Edit grant/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "member-partners");
});
