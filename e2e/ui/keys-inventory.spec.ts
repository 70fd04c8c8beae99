import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { newKey } from "../api/pipeline-fixtures";
import { klau } from "../fixtures/cli";
import { signInAs } from "../fixtures/session";
import { KeysPage } from "../pages/keys-page";

const { companies } = DEMO;
// Several sign-ins, dialogs and API calls per test: slow on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

test("corporate inventory: All divisions lists every division's keys with a division filter, and acts on them; a division admin never sees it", async ({
  page,
  browser,
}) => {
  const suffix = Date.now();
  const north = await newKey({ company: companies.north.id }, ["read:jobs"], `Inventory North ${suffix}`);
  const south = await newKey({ company: companies.south.id }, ["read:jobs"], `Inventory South ${suffix}`);
  const nameOf = async (companyId: string, id: string) =>
    (await klau<{ id: string; name: string }[]>(["keys", "list", "--company", companyId])).find((k) => k.id === id)?.name ?? "";
  const northName = await nameOf(companies.north.id, north.id);
  const southName = await nameOf(companies.south.id, south.id);
  const keys = new KeysPage(page);
  await signInAs(page, "corporate");
  await keys.goto(companies.corporate.id);
  await keys.search.fill(`Inventory`);
  await expect(keys.rows.filter({ hasText: String(suffix) })).toHaveCount(0);

  await page.getByRole("radio", { name: "All divisions" }).check();
  await expect(keys.row(northName)).toContainText(companies.north.name);
  await expect(keys.row(southName)).toContainText(companies.south.name);
  await page.getByRole("combobox", { name: "Division" }).selectOption({ label: companies.south.name });
  await expect(keys.row(northName)).toHaveCount(0);
  await expect(keys.row(southName)).toBeVisible();

  // Acting on a division's key from the corporate inventory.
  await page.getByRole("combobox", { name: "Division" }).selectOption({ label: companies.north.name });
  await keys.rowAction(northName, "Revoke…");
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText(`Key “${northName}” revoked`)).toBeVisible();
  const listed = await klau<{ id: string; status: string }[]>(["keys", "list", "--company", companies.north.id]);
  expect(listed.find((k) => k.id === north.id)?.status).toBe("revoked");

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "northAdmin");
  const adminKeys = new KeysPage(admin);
  await adminKeys.goto(companies.north.id, "?view=all");
  await expect(admin.getByRole("radio", { name: "All divisions" })).toHaveCount(0);
  await expect(admin.getByRole("columnheader", { name: "Division" })).toHaveCount(0);
});
