import { expect, type Page, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { snap } from "../fixtures/screenshots";
import { signInAs, signInWithPassword } from "../fixtures/session";
import { PartnersPage, VendorPages, vendorApi } from "../pages/partnerships";

/**
 * Platform operators run vendor accounts in the UI; only operators reach those pages, and a vendor
 * never sees a hauler's settings or another vendor's partnerships.
 */
test.describe.configure({ mode: "serial" });

const corporate = DEMO.companies.corporate;
const vendorName = `Haulpath ${Date.now().toString(36)}`;
const userEmail = `dev+${Date.now().toString(36)}@haulpath.test`;
let operatorPage: Page;
let password = "";
let secret = "";

test.beforeAll(async ({ browser }) => {
  operatorPage = await (await browser.newContext()).newPage();
  await signInAs(operatorPage, "operator");
});
test.afterAll(async () => {
  await operatorPage?.context().close();
});

test("operator creates a vendor, a vendor user (password shown once) and a vendor key (secret shown once)", async () => {
  const page = operatorPage;
  await page.goto("/operator/vendors");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "operator-vendors");
  await page.getByRole("button", { name: "Create vendor" }).click();
  const create = page.getByRole("dialog", { name: "Create a vendor account" });
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "operator-create-vendor");
  await create.getByLabel("Vendor name").fill(vendorName);
  await create.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: vendorName })).toBeVisible();

  await page.getByRole("button", { name: "Add user" }).click();
  const userDialog = page.getByRole("dialog", { name: `Add a user to ${vendorName}` });
  await userDialog.getByLabel("Email").fill(userEmail);
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "operator-create-user");
  await userDialog.getByRole("button", { name: "Create user" }).click();
  const shown = page.getByRole("dialog", { name: "Initial password" });
  password = await shown.getByLabel(`Initial password of ${userEmail}`).inputValue();
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  await page.keyboard.press("Escape");
  await expect(shown, "Escape does not close a show-once dialog").toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "operator-user-password");
  await shown.getByRole("button", { name: "I have saved the password" }).click();
  await expect(page.getByRole("table", { name: `Users of ${vendorName}` })).toContainText(userEmail);
  await expect(page.getByText(password)).toHaveCount(0);

  secret = await createVendorKey(page, "Production");
  expect(secret).toMatch(/^kl_live_/);
  await page.reload();
  await expectNoSeriousA11yViolations(page);
  await snap(page, "operator-vendor-detail");
});

test("the new vendor user signs in, requests access; after the hauler approves, the operator-made key works", async ({ browser, request }) => {
  const api = vendorApi(request, secret, corporate.id);
  expect((await api.listJobs()).status()).toBe(403);
  const vendorPage = await (await browser.newContext()).newPage();
  await signInWithPassword(vendorPage, userEmail, password);
  const vendor = new VendorPages(vendorPage);
  await vendor.openHaulers();
  await vendor.requestPartnership(corporate.id, { Jobs: "Read" }, "Dispatch board");
  await expect(vendor.row(corporate.name)).toContainText("Pending");

  const haulerPage = await (await browser.newContext()).newPage();
  await signInAs(haulerPage, "corporate");
  const partners = new PartnersPage(haulerPage, corporate.id);
  await partners.open();
  await (await partners.review(vendorName)).getByRole("button", { name: "Approve all" }).click();
  await expect(haulerPage.getByText(`for ${vendorName}`)).toBeVisible();
  expect((await api.listJobs()).status()).toBe(200);

  // A vendor user sees only its own vendor's partnerships.
  const other = await vendorPage.goto(`/vendor/partnerships/${DEMO.partnership.id}`);
  expect(other?.status()).toBe(404);
  await expect(vendorPage.getByText(DEMO.companies.north.name)).toHaveCount(0);
  await vendor.openHaulers();
  await expect(vendorPage.getByRole("link", { name: DEMO.companies.north.name })).toHaveCount(0);
  await vendorPage.context().close();
  await haulerPage.context().close();
});

test("operator rolls the key with a 1 h grace (both work, linked in the list), revokes the old one at once, and emergency-revokes the partnership → 403", async ({
  request,
}) => {
  test.setTimeout(180_000); // several operator-CLI calls and page steps: over 60 s once on a loaded CI machine
  const page = operatorPage;
  await page.goto("/operator/vendors");
  await page.getByRole("link", { name: vendorName }).click();
  const rolled = await rollVendorKey(page, "Production", "1 hour");
  expect(rolled).toMatch(/^kl_live_/);
  expect((await vendorApi(request, rolled, corporate.id).listJobs()).status()).toBe(200);
  expect((await vendorApi(request, secret, corporate.id).listJobs()).status(), "the old key works during the grace period").toBe(200);
  const keys = page.getByRole("table", { name: `Keys of ${vendorName}` });
  const oldRow = keys.getByRole("row").filter({ hasText: "Rolled to" });
  await expect(oldRow).toContainText("retiring");
  await expect(keys.getByRole("row").filter({ hasText: "Replaces" })).toContainText("active");
  await expect(oldRow.getByRole("button", { name: /^Roll/ }), "a rolled key cannot be rolled again").toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "operator-vendor-keys-grace");

  await oldRow.getByRole("button", { name: "Revoke Production" }).click();
  const revoke = page.getByRole("alertdialog", { name: `Revoke ${vendorName}'s key “Production”?` });
  await expectNoSeriousA11yViolations(page, { include: "[role=alertdialog]" });
  await snap(page, "operator-revoke-key-confirm");
  await page.keyboard.press("Escape");
  await expect(revoke, "Escape cancels the revoke").toBeHidden();
  expect((await vendorApi(request, secret, corporate.id).listJobs()).status()).toBe(200);
  await oldRow.getByRole("button", { name: "Revoke Production" }).click();
  await revoke.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Key “Production” revoked")).toBeVisible();
  expect((await vendorApi(request, secret, corporate.id).listJobs()).status()).toBe(401);
  expect((await vendorApi(request, rolled, corporate.id).listJobs()).status()).toBe(200);

  await page.goto(`/operator/partnerships?q=${encodeURIComponent(vendorName)}`);
  await expect(page.getByRole("status")).toHaveText("1 partnership");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "operator-partnerships");
  await page.getByRole("button", { name: `Emergency revoke ${vendorName} for ${corporate.name}` }).click();
  await expectNoSeriousA11yViolations(page, { include: "[role=alertdialog]" });
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke partnership" }).click();
  await expect(page.getByText(`Partnership of ${vendorName} with ${corporate.name} revoked`)).toBeVisible();
  expect((await vendorApi(request, rolled, corporate.id).listJobs()).status()).toBe(403);
});

test("only operators reach /operator; a vendor opening a hauler's settings gets not found", async ({ page }) => {
  await signInAs(page, "northAdmin");
  for (const path of ["/operator", "/operator/vendors", "/operator/partnerships"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.context().clearCookies();
  await signInAs(page, "vendor");
  for (const path of [`/${DEMO.companies.north.id}/settings/developer/partners`, `/${DEMO.companies.north.id}/settings/developer/access`, "/operator"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

/** Creates a vendor key in the operator's vendor page and returns the secret shown once. */
async function createVendorKey(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: /^Create a vendor key/ });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("radio", { name: /^Full access/ }).check();
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "operator-create-key");
  await dialog.getByRole("button", { name: "Create key" }).click();
  return readSecretAndClose(page);
}

/** Rolls a vendor key with a grace period, checking the dialog (axe, Escape, screenshots); returns the new secret. */
async function rollVendorKey(page: Page, name: string, grace: "Immediately" | "1 hour" | "24 hours" | "7 days"): Promise<string> {
  const open = page.getByRole("button", { name: `Roll ${name}` });
  const dialog = page.getByRole("dialog", { name: new RegExp(`^Roll .*“${name}”`) });
  await open.click();
  await expect(dialog.getByRole("radio", { name: "24 hours" }), "the default grace is the company keys' default").toBeChecked();
  await page.keyboard.press("Escape");
  await expect(dialog, "Escape closes the roll dialog").toBeHidden();
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: grace }).check();
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "operator-roll-key");
  await dialog.getByRole("button", { name: "Roll key" }).click();
  return readSecretAndClose(page);
}

async function readSecretAndClose(page: Page): Promise<string> {
  const secretDialog = page.getByRole("dialog", { name: /^Save the secret of/ });
  const value = ((await secretDialog.getByTestId("secret-key").textContent()) ?? "").trim();
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "operator-key-secret");
  await secretDialog.getByRole("button", { name: /I have saved it|Done/ }).click();
  // Not copied (no clipboard in this browser): the dialog asks before the secret is gone for good.
  const confirm = page.getByRole("alertdialog", { name: "Close without copying the secret?" });
  if (
    await confirm.waitFor({ timeout: 2_000 }).then(
      () => true,
      () => false,
    )
  )
    await confirm.getByRole("button", { name: "Close anyway" }).click();
  await expect(secretDialog).toBeHidden();
  return value;
}
