import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { AppShell } from "../pages/app-shell";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";

const { companies } = DEMO;

test("the Developer overview has no serious accessibility violation, for a corporate user and a member", async ({ page }) => {
  const shell = new AppShell(page);
  await signInAs(page, "corporate");
  await page.goto(`/${companies.north.id}/settings/developer`);
  await expect(shell.heading).toHaveText("Developer settings");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "developer-overview-corporate");

  // The switcher's menu open too: its items are part of the page a keyboard user reaches.
  await shell.tenantSwitcher.click();
  await expect(shell.tenantOption(companies.south.name)).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: "[role=menu]" });
});

test("a member's Developer overview has no serious accessibility violation", async ({ page }) => {
  await signInAs(page, "northMember");
  await page.goto(`/${companies.north.id}/settings/developer`);
  await expect(new AppShell(page).heading).toHaveText("Developer settings");
  await expectNoSeriousA11yViolations(page);
});
