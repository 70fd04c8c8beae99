import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { newKey } from "../api/pipeline-fixtures";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";

const { north, south } = DEMO.companies;

test.describe.configure({ timeout: 180_000 });

test("the operator sees every tenant's audit entries, filters by company and exports them; a tenant admin cannot", async ({ page }) => {
  const northKey = await newKey({ company: north.id }, ["read:jobs"], "Operator audit North");
  const southKey = await newKey({ company: south.id }, ["read:jobs"], "Operator audit South");

  await signInAs(page, "operator");
  await page.goto("/operator/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  const rows = page.getByRole("table", { name: "Audit entries, newest first" }).locator("tbody tr");
  await expect(rows.filter({ hasText: northKey.id })).toContainText(north.name);
  await expect(rows.filter({ hasText: southKey.id })).toContainText(south.name);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "operator-audit");

  const form = page.getByRole("form", { name: "Filter audit entries" });
  await form.getByLabel("Company").selectOption({ label: south.name });
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows.filter({ hasText: southKey.id })).toHaveCount(1);
  await expect(rows.filter({ hasText: northKey.id })).toHaveCount(0);

  const csv = await (await page.request.get("/operator/audit/export?format=csv")).text();
  expect(csv).toContain(northKey.id);
  expect(csv).toContain(southKey.id);

  await page.context().clearCookies();
  await signInAs(page, "northAdmin");
  expect((await page.request.get("/operator/audit/export?format=csv")).status()).toBe(404);
});
