import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { AppShell } from "../pages/app-shell";
import { LoginPage } from "../pages/login-page";

const { companies, users } = DEMO;
const developer = (tenantId: string) => `/${tenantId}/settings/developer`;

test("a corporate user switches between North and South with the keyboard, staying in the section", async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).signInAs(users.corporate.email);
  await page.goto(`${developer(companies.north.id)}/partners`);
  await expect(shell.tenantSwitcher).toContainText(companies.north.name);

  await shell.tenantSwitcher.focus();
  await page.keyboard.press("Enter");
  await expect(shell.tenantOption(companies.south.name)).toBeVisible();
  // Typeahead-free: walk the menu with arrows until South has focus, then choose it.
  for (let i = 0; i < 5; i += 1) {
    if (await shell.tenantOption(companies.south.name).evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("ArrowDown");
  }
  await expect(shell.tenantOption(companies.south.name)).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(`${developer(companies.south.id)}/partners`);
  await expect(shell.tenantSwitcher).toContainText(companies.south.name);
  await expect(shell.heading).toHaveText("Partners");

  // And back to North; Escape closes the menu and returns focus to the switcher.
  await shell.tenantSwitcher.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(shell.tenantSwitcher).toBeFocused();
  await shell.tenantSwitcher.click();
  await shell.tenantOption(companies.north.name).click();
  await expect(page).toHaveURL(`${developer(companies.north.id)}/partners`);
});

test("a corporate user's switcher offers the parent and each division", async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).signInAs(users.corporate.email);
  await shell.tenantSwitcher.click();
  const options = page.getByRole("menuitem");
  // The parent first, then its divisions. Specs running beside this one may add divisions
  // of their own to the demo company (keys-permissions' "Lifetime …"), so the demo ones are checked by inclusion.
  await expect(options.first()).toHaveText(companies.corporate.name);
  const names = await options.allTextContents();
  expect(names).toEqual(expect.arrayContaining([companies.north.name, companies.south.name]));
  expect(new Set(names).size).toBe(names.length);
});

test("a division admin sees only their division and no switcher menu", async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).signInAs(users.northAdmin.email);
  await expect(shell.currentTenant).toContainText(companies.north.name);
  await expect(shell.tenantSwitcher).toHaveCount(0);
});

for (const [label, tenantId] of [
  ["South's", companies.south.id],
  ["the corporate parent's", companies.corporate.id],
  ["an unknown tenant's", "a0000000-0000-4000-8000-0000000000ff"],
] as const) {
  test(`a North division admin gets 404 for ${label} URL`, async ({ page }) => {
    await new LoginPage(page).signInAs(users.northAdmin.email);
    const response = await page.goto(`${developer(tenantId)}/keys`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(companies.south.name)).toHaveCount(0);
  });
}

test("vendor and company users get 404 in areas that are not theirs", async ({ page }) => {
  await new LoginPage(page).signInAs(users.vendor.email);
  expect((await page.goto(developer(companies.north.id)))?.status()).toBe(404);
  expect((await page.goto("/operator"))?.status()).toBe(404);
});

test("every developer section is a real page with a heading, marked current in the sidebar", async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).signInAs(users.northMember.email);
  for (const name of ["API keys", "Partners", "Data access", "Console", "Usage", "Audit log"]) {
    await shell.navLink(name).click();
    await expect(shell.heading).toHaveText(name);
    await expect(shell.navLink(name)).toHaveAttribute("aria-current", "page");
  }
});
