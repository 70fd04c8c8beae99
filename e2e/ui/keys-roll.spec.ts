import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { auth } from "../api/pipeline-fixtures";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";
import { KeysPage } from "../pages/keys-page";

const { companies } = DEMO;
// Several sign-ins, dialogs and API calls per test: slow on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("roll with a 1 hour grace: both keys answer and show linked; roll the new one immediately: the old one is refused at once", async ({ page, request }) => {
  const keys = new KeysPage(page);
  await signInAs(page, "northAdmin");
  await keys.goto(companies.north.id);
  const name = `Rolling ${Date.now()}`;
  const first = await keys.create({ name });
  await keys.search.fill(name);
  await expect(keys.rows).toHaveCount(1);

  await keys.rowAction(name, "Roll…");
  const roll = page.getByRole("dialog", { name: `Roll “${name}”` });
  await roll.getByRole("radio", { name: "1 hour" }).check();
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "keys-roll-dialog");
  await roll.getByRole("button", { name: "Roll key" }).click();
  const second = await keys.copySecretAndClose();
  expect(second).not.toBe(first);

  for (const key of [first, second]) expect((await request.get("/api/v1/jobs", { headers: auth(key) })).status()).toBe(200);
  // Both appear, linked: the new one names the old key it replaces and the old one's last use.
  await expect(keys.rows).toHaveCount(2);
  const retiring = keys.rows.filter({ hasText: "Retiring" });
  await expect(retiring).toContainText("Rolled to kl_live_");
  const replacement = keys.rows.filter({ hasText: "Replaces" });
  await expect(replacement).toContainText(`…${first.slice(-4)}`);
  await expect(replacement).toContainText("last used");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "keys-list-rolled");

  // Roll the new key with no grace: its secret stops working on the next request.
  await replacement.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Roll…" }).click();
  await page.getByRole("radio", { name: "Immediately" }).check();
  await page.getByRole("button", { name: "Roll key" }).click();
  const third = await keys.copySecretAndClose();
  expect((await request.get("/api/v1/jobs", { headers: auth(second) })).status()).toBe(401);
  expect((await request.get("/api/v1/jobs", { headers: auth(third) })).status()).toBe(200);
  // The first key's grace is its own: it still works until its hour is up.
  expect((await request.get("/api/v1/jobs", { headers: auth(first) })).status()).toBe(200);
});

test("the key list at 375 px and the empty, filtered state", async ({ page }) => {
  const keys = new KeysPage(page);
  await signInAs(page, "corporate");
  await keys.goto(companies.corporate.id);
  await expect(page.getByRole("radio", { name: "All divisions" })).toBeVisible();
  await page.getByRole("radio", { name: "All divisions" }).check();
  await expect(page.getByRole("columnheader", { name: "Division" })).toBeVisible();
  await expect(page).toHaveURL(/view=all/);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "keys-list-all-divisions");
  await keys.search.fill("no key is called this");
  await expect(page.getByText("No keys match these filters.")).toBeVisible();
  await snap(page, "keys-list-no-match");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(keys.search).toHaveValue("");
});
