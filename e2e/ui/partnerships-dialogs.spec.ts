import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { expectNoSeriousA11yViolations, expectReadableToast } from "../fixtures/axe";
import { klau } from "../fixtures/cli";
import { snap } from "../fixtures/screenshots";
import { signInWithPassword } from "../fixtures/session";
import { PartnersPage, VendorPages, vendorApi } from "../pages/partnerships";

/**
 * The partnership dialogs the main flow does not open: the hauler's edit-grant dialog and the
 * resume / revoke confirmations, the vendor's withdraw and end confirmations, and revoking a
 * direct key in place on Data access. Each one: axe, screenshots at desktop and 375 px, Escape
 * closes it without acting, keyboard use, then the effect over HTTP and in the audit log.
 * A fresh division, vendor and users of its own, so no other spec sees these changes.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const tag = Date.now().toString(36);
const PASSWORD = `Dialogs-${tag}-pass`;
const IP = { hauler: "198.51.100.77", vendor: "203.0.113.77" } as const;
const division = { id: "", name: `Dialogs ${tag}` };
const vendor = { id: "", name: `Dialogvendor ${tag}` };
const haulerEmail = `admin+${tag}@dialogs.test`;
const vendorEmail = `dev+${tag}@dialogvendor.test`;
let partnershipId = "";
let vendorKey = "";
let haulerPage: Page;
let vendorPage: Page;

type AuditEvent = { action: string; actor: { label: string; ip: string | null }; target: { id: string | null }; metadata: Record<string, unknown> };

async function signedIn(browser: Browser, email: string, ip: string): Promise<Page> {
  const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } })).newPage();
  await signInWithPassword(page, email, PASSWORD);
  return page;
}

/** Opens a dialog from its button, checks it (axe, screenshots), closes it with Escape and opens it again with the keyboard. */
async function checkDialog(page: Page, trigger: Locator, dialog: Locator, role: "dialog" | "alertdialog", name: string): Promise<void> {
  await trigger.click();
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: `[role=${role}]` });
  await snap(page, name);
  await page.keyboard.press("Escape");
  await expect(dialog, `Escape closes ${name}`).toBeHidden();
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(dialog, `Enter on the focused button opens ${name} again`).toBeVisible();
}

async function auditOf(args: string[]): Promise<AuditEvent[]> {
  return klau<AuditEvent[]>(["audit", "list", ...args, "--limit", "100"]);
}

test.beforeAll(async ({ browser }) => {
  division.id = (await klau<{ id: string }>(["companies", "create", "--name", division.name, "--parent", DEMO.companies.corporate.id])).id;
  vendor.id = (await klau<{ id: string }>(["vendors", "create", "--name", vendor.name])).id;
  await klau(["users", "create", "--email", haulerEmail, "--password", PASSWORD, "--company", division.id, "--role", "admin"]);
  await klau(["users", "create", "--email", vendorEmail, "--password", PASSWORD, "--vendor", vendor.id]);
  partnershipId = (
    await klau<{ id: string }>(["partnerships", "create", "--vendor", vendor.id, "--company", division.id, "--scopes", "read:jobs,read:drivers"])
  ).id;
  vendorKey = (await klau<{ key: string }>(["keys", "create", "--vendor", vendor.id, "--name", "dialogs-e2e", "--scopes", "read:all,write:all"])).key;
  haulerPage = await signedIn(browser, haulerEmail, IP.hauler);
  vendorPage = await signedIn(browser, vendorEmail, IP.vendor);
});

test.afterAll(async () => {
  await haulerPage?.context().close();
  await vendorPage?.context().close();
});

test("edit grant: the dialog shows the change; removing read:drivers → 403 on the vendor's next request, audited before/after", async ({ request }) => {
  const api = vendorApi(request, vendorKey, division.id);
  expect((await api.listDrivers()).status()).toBe(200);
  const partners = new PartnersPage(haulerPage, division.id);
  await partners.open();
  const row = partners.partnerRow(vendor.name);
  const dialog = haulerPage.getByRole("dialog", { name: `Edit what ${vendor.name} may do` });
  await checkDialog(haulerPage, row.getByRole("button", { name: `Edit grant of ${vendor.name}` }), dialog, "dialog", "hauler-edit-grant");

  await expect(dialog.getByRole("button", { name: "Save grant" }), "nothing changed yet").toBeDisabled();
  await partners.picker.choose({ Drivers: "No access", Trucks: "Read" });
  const diff = dialog.getByRole("list", { name: "New grant against the current grant" });
  await expect(diff.getByRole("listitem").filter({ hasText: "read:drivers" })).toContainText("Removed");
  await expect(diff.getByRole("listitem").filter({ hasText: "read:trucks" })).toContainText("Added");
  await expect(diff.getByRole("listitem").filter({ hasText: "read:jobs" })).toContainText("Unchanged");
  await expectNoSeriousA11yViolations(haulerPage, { include: "[role=dialog]" });
  await snap(haulerPage, "hauler-edit-grant-diff");
  await dialog.getByRole("button", { name: "Save grant" }).click();
  await expect(haulerPage.getByText(`Grant of ${vendor.name} updated`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expectReadableToast(haulerPage);

  expect((await api.listDrivers()).status()).toBe(403);
  expect((await api.listJobs()).status()).toBe(200);
  await expect(row).toContainText("read:trucks");
  const [change] = (await auditOf(["--company", division.id])).filter((e) => e.action === "partnership.grant_changed");
  expect(change?.actor).toEqual(expect.objectContaining({ label: haulerEmail, ip: IP.hauler }));
  const scopes = (side: "before" | "after") => [...((change?.metadata[side] as { scopes?: string[] } | undefined)?.scopes ?? [])].sort();
  expect(scopes("before")).toEqual(["read:drivers", "read:jobs"]);
  expect(scopes("after")).toEqual(["read:jobs", "read:trucks"]);
});

test("vendor withdraws a pending request for more scopes: confirmation, Escape keeps it, withdrawn request leaves the grant working", async ({ request }) => {
  const pages = new VendorPages(vendorPage);
  await pages.openPartnership(division.name);
  await vendorPage.getByRole("button", { name: "Request more scopes" }).click();
  await pages.picker.choose({ Jobs: "Read & write" });
  await vendorPage.getByRole("dialog").getByLabel("Why you need them").fill("Create jobs from our planner");
  await vendorPage.getByRole("dialog").getByRole("button", { name: "Send request" }).click();
  await expect(vendorPage.getByRole("heading", { name: "Pending request" })).toBeVisible();

  const confirm = vendorPage.getByRole("alertdialog", { name: `Withdraw your request to ${division.name}?` });
  await checkDialog(vendorPage, vendorPage.getByRole("button", { name: "Withdraw request" }), confirm, "alertdialog", "vendor-withdraw-confirm");
  await expect(confirm.getByRole("button", { name: "Cancel" }), "focus starts on Cancel").toBeFocused();
  await confirm.getByRole("button", { name: "Withdraw request" }).click();
  await expect(vendorPage.getByText("Request withdrawn")).toBeVisible();
  await expect(vendorPage.getByRole("heading", { name: "Pending request" })).toHaveCount(0);
  expect((await vendorApi(request, vendorKey, division.id).listJobs()).status()).toBe(200);
  const events = await auditOf(["--vendor", vendor.id]);
  expect(events.find((e) => e.action === "partnership.request_withdrawn")?.actor).toEqual(expect.objectContaining({ label: vendorEmail, ip: IP.vendor }));
});

test("hauler suspends, then the resume and revoke confirmations: axe, screenshots, Escape cancels; resume → 200 with the same grant", async ({ request }) => {
  const api = vendorApi(request, vendorKey, division.id);
  const partners = new PartnersPage(haulerPage, division.id);
  await partners.open();
  const row = partners.partnerRow(vendor.name);
  await row.getByRole("button", { name: `Suspend ${vendor.name}` }).click();
  await haulerPage.getByRole("alertdialog").getByRole("button", { name: "Suspend" }).click();
  await expect(haulerPage.getByText(`${vendor.name} suspended`)).toBeVisible();
  expect((await api.listJobs()).status()).toBe(403);

  const revoke = haulerPage.getByRole("alertdialog", { name: `Revoke ${vendor.name}'s access for good?` });
  await checkDialog(haulerPage, row.getByRole("button", { name: `Revoke ${vendor.name}` }), revoke, "alertdialog", "hauler-revoke-confirm");
  await revoke.getByRole("button", { name: "Cancel" }).click();
  await expect(revoke).toBeHidden();

  const resume = haulerPage.getByRole("alertdialog", { name: `Resume ${vendor.name}?` });
  await checkDialog(haulerPage, row.getByRole("button", { name: `Resume ${vendor.name}` }), resume, "alertdialog", "hauler-resume-confirm");
  await resume.getByRole("button", { name: "Resume" }).click();
  await expect(haulerPage.getByText(`${vendor.name} resumed`)).toBeVisible();
  expect((await api.listJobs()).status()).toBe(200);
  expect((await api.listDrivers()).status(), "the grant edited above is kept").toBe(403);
  const actions = (await auditOf(["--company", division.id])).filter((e) => e.actor.label === haulerEmail).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(["partnership.suspended", "partnership.resumed"]));
  expect(actions, "the cancelled revoke wrote nothing").not.toContain("partnership.revoked");
});

test("vendor ends the partnership: confirmation, Escape keeps it; confirmed → 403 and audited", async ({ request }) => {
  const pages = new VendorPages(vendorPage);
  await pages.openPartnership(division.name);
  const confirm = vendorPage.getByRole("alertdialog", { name: `End the partnership with ${division.name}?` });
  await checkDialog(vendorPage, vendorPage.getByRole("button", { name: "End partnership" }), confirm, "alertdialog", "vendor-end-confirm");
  expect((await vendorApi(request, vendorKey, division.id).listJobs()).status(), "Escape ended nothing").toBe(200);
  await confirm.getByRole("button", { name: "End partnership" }).click();
  await expect(vendorPage.getByText("Partnership ended")).toBeVisible();
  expect((await vendorApi(request, vendorKey, division.id).listJobs()).status()).toBe(403);
  const ended = (await auditOf(["--vendor", vendor.id])).find((e) => e.action === "partnership.ended");
  expect(ended?.actor).toEqual(expect.objectContaining({ label: vendorEmail, ip: IP.vendor }));
  expect(ended?.target.id).toBe(partnershipId);
});

test("Data access: the hauler revokes a direct key in place (confirmation names it, Escape keeps it) → 401, audited", async ({ request }) => {
  const key = await klau<{ id: string; key: string; last4: string }>([
    "keys",
    "create",
    "--company",
    division.id,
    "--name",
    "access-e2e",
    "--scopes",
    "read:jobs",
    "--expires-in-days",
    "30",
  ]);
  const call = () => request.get("/api/v1/jobs", { headers: { authorization: `Bearer ${key.key}` } });
  expect((await call()).status()).toBe(200);

  await haulerPage.goto(`/${division.id}/settings/developer/access`);
  const keys = haulerPage.getByRole("table", { name: "Direct API keys with access" });
  const row = keys.getByRole("row").filter({ hasText: "access-e2e" });
  await expect(row).toContainText(`…${key.last4}`);
  await expect(row.getByRole("link", { name: "Details of key access-e2e" })).toHaveAttribute("href", `/${division.id}/settings/developer/keys/${key.id}`);
  await expectNoSeriousA11yViolations(haulerPage);
  await snap(haulerPage, "hauler-data-access-keys");

  const confirm = haulerPage.getByRole("alertdialog", { name: "Revoke “access-e2e”?" });
  await checkDialog(haulerPage, row.getByRole("button", { name: "Revoke key access-e2e" }), confirm, "alertdialog", "hauler-data-access-revoke");
  await expect(confirm).toContainText(`…${key.last4}`);
  expect((await call()).status(), "Escape revoked nothing").toBe(200);
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(haulerPage.getByText("Key “access-e2e” revoked")).toBeVisible();
  await expect(row).toHaveCount(0);
  expect((await call()).status()).toBe(401);
  const revoked = (await auditOf(["--company", division.id])).find((e) => e.action === "api_key.revoked" && e.target.id === key.id);
  expect(revoked?.actor).toEqual(expect.objectContaining({ label: haulerEmail, ip: IP.hauler }));
});
