import { expect, type Page, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { klau } from "../fixtures/cli";
import { snap } from "../fixtures/screenshots";
import { LoginPage } from "../pages/login-page";
import { ConsolePage } from "../pages/console-page";
import { AuditPage } from "../pages/usage-pages";

/**
 * Issue 13's audited events beyond keys and partnerships, as the tenant's admin finds them on the
 * audit page: sign-in failure and success of the tenant's users, console credentials, and the
 * tenant's key-lifetime setting. A division and an admin of their own, so the rows are ours alone.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const tag = Date.now().toString(36);
const PASSWORD = `Audit-${tag}-pass`;
const IP = "198.51.100.131";
const division = { id: "", name: `Audited ${tag}` };
const adminEmail = `admin+${tag}@audited.test`;
let page: Page;

test.beforeAll(async ({ browser }) => {
  division.id = (await klau<{ id: string }>(["companies", "create", "--name", division.name, "--parent", DEMO.companies.corporate.id])).id;
  await klau(["users", "create", "--email", adminEmail, "--password", PASSWORD, "--company", division.id, "--role", "admin"]);
  page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": IP } })).newPage();
});
test.afterAll(async () => {
  await page?.context().close();
});

/** The audit page filtered to one action: its rows. */
async function auditRows(action: string) {
  const audit = new AuditPage(page);
  await audit.goto(division.id, { action });
  return audit.rows;
}

test("a failed and then a successful sign-in on the form are in the tenant's audit log with the address", async () => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(adminEmail, "not-the-password");
  await expect(login.error).toHaveText("Invalid email or password");
  await login.signInAs(adminEmail, PASSWORD);

  const failed = await auditRows("user.sign_in_failed");
  await expect(failed).toHaveCount(1);
  await expect(failed.first()).toContainText(adminEmail);
  await expect(failed.first()).toContainText(IP);
  const signedIn = await auditRows("user.signed_in");
  await expect(signedIn).toHaveCount(1);
  await expect(signedIn.first()).toContainText(adminEmail);
  await expect(signedIn.first()).toContainText(IP);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "audit-sign-in");

  // Another tenant's admin sees none of it.
  const north = await klau<{ action: string; target: { id: string | null } }[]>(["audit", "list", "--company", DEMO.companies.north.id, "--limit", "500"]);
  const adminId = (await klau<{ id: string; email: string }[]>(["users", "list", "--company", division.id])).find((u) => u.email === adminEmail)?.id;
  expect(north.filter((e) => e.target.id === adminId)).toEqual([]);
});

test("an “As me” console call issues a console credential, audited with its scopes and the address", async () => {
  const workbench = new ConsolePage(page);
  await workbench.goto(`/${division.id}/settings/developer/console`);
  await workbench.choose("GET", "/api/v1/companies/current");
  await workbench.send.click();
  await workbench.expectStatus(200);

  const rows = await auditRows("console.credential_issued");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(adminEmail);
  await expect(rows.first()).toContainText(IP);
  await rows.first().getByText("Details").click();
  await expect(rows.first()).toContainText('"kind": "direct"');
  await expect(rows.first()).toContainText('"scopes"');
  await expect(rows.first()).toContainText('"expiresAt"');
  await snap(page, "audit-console-credential");
});

test("changing the maximum key lifetime on the Developer overview is audited with before and after", async () => {
  await page.goto(`/${division.id}/settings/developer`);
  await page.getByLabel("Maximum key lifetime").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Maximum key lifetime: 30 days")).toBeVisible();

  const rows = await auditRows("company.key_lifetime_changed");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(adminEmail);
  await expect(rows.first()).toContainText(IP);
  await rows.first().getByText("Details").click();
  await expect(rows.first()).toContainText('"before": null');
  await expect(rows.first()).toContainText('"after": 30');
  await expectNoSeriousA11yViolations(page);
  await snap(page, "audit-key-lifetime");
});
