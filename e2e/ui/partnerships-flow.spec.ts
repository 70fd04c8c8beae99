import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { klau } from "../fixtures/cli";
import { snap } from "../fixtures/screenshots";
import { type DemoUser, signInAs } from "../fixtures/session";
import { PartnersPage, VendorPages, vendorApi } from "../pages/partnerships";

/**
 * Issue 11's main flow, as the two sides use it, checked from outside with the vendor's key over
 * HTTP: RouteWare (demo vendor) asks South (demo division) for access; South's admin decides.
 */
test.describe.configure({ mode: "serial" });

const south = DEMO.companies.south;
const vendorName = DEMO.vendor.name;
let vendorKey = "";
let vendorPage: Page;
let haulerPage: Page;

const IP = { vendor: "203.0.113.11", southAdmin: "198.51.100.22" } as const;

/** Each side in its own browser, from its own (proxied) address, so the audit log can name it. */
async function signedIn(browser: Browser, user: keyof typeof IP & DemoUser): Promise<Page> {
  const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": IP[user] } })).newPage();
  await signInAs(page, user);
  return page;
}

test.beforeAll(async ({ browser }) => {
  const key = await klau<{ key: string }>(["keys", "create", "--vendor", DEMO.vendor.id, "--name", "flow-e2e", "--scopes", "read:all,write:all"]);
  vendorKey = key.key;
  vendorPage = await signedIn(browser, "vendor");
  haulerPage = await signedIn(browser, "southAdmin");
});

test.afterAll(async () => {
  await vendorPage?.context().close();
  await haulerPage?.context().close();
});

test("vendor requests scopes with a note; before approval the key gets 403 for that hauler", async ({ request }) => {
  const vendor = new VendorPages(vendorPage);
  await vendor.openHaulers();
  await expectNoSeriousA11yViolations(vendorPage);
  await snap(vendorPage, "vendor-haulers");
  await vendorPage.getByRole("button", { name: "Request a partnership" }).click();
  const dialog = vendorPage.getByRole("dialog", { name: "Request a partnership" });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(vendorPage, { include: "[role=dialog]" });
  await snap(vendorPage, "vendor-request-partnership");
  await vendorPage.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // An unknown tenant id: a clear message that reveals nothing.
  await vendor.requestPartnership("a0000000-0000-4000-8000-0000000000ff", { Jobs: "Read" }, "x");
  await expect(vendorPage.getByText("Company with this tenant ID not found").first()).toBeVisible();
  await vendorPage.keyboard.press("Escape");

  await vendor.requestPartnership(south.id, { Jobs: "Read & write", Drivers: "Read" }, "Route optimisation for South");
  await expect(vendorPage.getByText("Request sent").first()).toBeVisible();
  await expect(vendor.row(south.name)).toContainText("Pending");
  await snap(vendorPage, "vendor-haulers-pending");
  expect((await vendorApi(request, vendorKey, south.id).listJobs()).status()).toBe(403);
});

test("hauler sees the request with a badge, approves read:jobs and read:drivers only → GET 200, POST 403 naming write:jobs", async ({ request }) => {
  const partners = new PartnersPage(haulerPage, south.id);
  await partners.open();
  await expect(partners.navLink()).toContainText("1");
  await expectNoSeriousA11yViolations(haulerPage);
  await snap(haulerPage, "hauler-partners-request");
  await expect(haulerPage.getByText("Route optimisation for South")).toBeVisible();

  const dialog = await partners.review(vendorName);
  await expectNoSeriousA11yViolations(haulerPage, { include: "[role=dialog]" });
  await dialog.getByRole("checkbox", { name: "Approve write:jobs" }).uncheck();
  const diff = dialog.getByRole("list", { name: "Grant after approval, against the current grant" });
  await expect(diff.getByRole("listitem").filter({ hasText: "write:jobs" })).toContainText("Not granted");
  await expect(diff.getByRole("listitem").filter({ hasText: "read:jobs" })).toContainText("Added");
  await snap(haulerPage, "hauler-review-subset");
  await dialog.getByRole("button", { name: "Approve 2 selected" }).click();
  await expect(haulerPage.getByText(`Approved 2 of 3 requested scopes for ${vendorName}`)).toBeVisible();

  const api = vendorApi(request, vendorKey, south.id);
  expect((await api.listJobs()).status()).toBe(200);
  const post = await api.createJob();
  expect(post.status()).toBe(403);
  expect((await post.json()).error.message).toBe("The tenant has not granted the scope write:jobs to this vendor");
  await expect(partners.partnerRow(vendorName)).toContainText("read:drivers");
});

test("vendor sees write:jobs as requested-not-granted, asks again; the grant keeps working; hauler approves the diff → 201", async ({ request }) => {
  const vendor = new VendorPages(vendorPage);
  await vendor.openHaulers();
  await expect(vendorPage.getByRole("list", { name: `Scopes requested from ${south.name} and not granted` })).toHaveText("write:jobs");
  await vendor.openPartnership(south.name);
  await vendorPage.getByRole("button", { name: "Request more scopes" }).click();
  const dialog = vendorPage.getByRole("dialog", { name: `Request more scopes from ${south.name}` });
  await expectNoSeriousA11yViolations(vendorPage, { include: "[role=dialog]" });
  await vendor.picker.choose({ Jobs: "Read & write" });
  await dialog.getByLabel("Why you need them").fill("Create jobs from our planner");
  await snap(vendorPage, "vendor-request-more");
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(vendorPage.getByText("Request sent").first()).toBeVisible();
  expect((await vendorApi(request, vendorKey, south.id).listJobs()).status()).toBe(200);
  await vendorPage.reload(); // the page itself, without the toast (checked on its own by the toaster's owner)
  await expect(vendorPage.getByRole("heading", { name: "Pending request" })).toBeVisible();
  await expectNoSeriousA11yViolations(vendorPage);
  await snap(vendorPage, "vendor-partnership-detail");

  const partners = new PartnersPage(haulerPage, south.id);
  await partners.open();
  const review = await partners.review(vendorName);
  const diff = review.getByRole("list", { name: "Grant after approval, against the current grant" });
  await expect(diff.getByRole("listitem").filter({ hasText: "read:jobs" })).toContainText("Unchanged");
  await expect(diff.getByRole("listitem").filter({ hasText: "read:drivers" })).toContainText("Unchanged");
  await expect(diff.getByRole("listitem").filter({ hasText: "write:jobs" })).toContainText("Added");
  await snap(haulerPage, "hauler-review-more");
  await review.getByRole("button", { name: "Approve all" }).click();
  await expect(haulerPage.getByText(`Approved 1 of 1 requested scope for ${vendorName}`)).toBeVisible();
  expect((await vendorApi(request, vendorKey, south.id).createJob()).status()).toBe(201);
});

test("suspend → 403; resume → 200 with the same grant; revoke → 403 and a new request is needed", async ({ request }) => {
  const api = vendorApi(request, vendorKey, south.id);
  const partners = new PartnersPage(haulerPage, south.id);
  await partners.open();
  await partners
    .partnerRow(vendorName)
    .getByRole("button", { name: `Suspend ${vendorName}` })
    .click();
  const confirm = haulerPage.getByRole("alertdialog", { name: `Suspend ${vendorName}?` });
  await expectNoSeriousA11yViolations(haulerPage, { include: "[role=alertdialog]" });
  await snap(haulerPage, "hauler-suspend-confirm");
  await confirm.getByRole("button", { name: "Suspend" }).click();
  await expect(haulerPage.getByText(`${vendorName} suspended`)).toBeVisible();
  expect((await api.listJobs()).status()).toBe(403);

  await partners
    .partnerRow(vendorName)
    .getByRole("button", { name: `Resume ${vendorName}` })
    .click();
  await haulerPage.getByRole("alertdialog").getByRole("button", { name: "Resume" }).click();
  await expect(haulerPage.getByText(`${vendorName} resumed`)).toBeVisible();
  expect((await api.listJobs()).status()).toBe(200);
  expect((await api.createJob()).status()).toBe(201);
  await expect(partners.partnerRow(vendorName)).toContainText("write:jobs");

  await partners
    .partnerRow(vendorName)
    .getByRole("button", { name: `Revoke ${vendorName}` })
    .click();
  await haulerPage.getByRole("alertdialog").getByRole("button", { name: "Revoke access" }).click();
  await expect(haulerPage.getByText(`${vendorName} revoked`)).toBeVisible();
  expect((await api.listJobs()).status()).toBe(403);

  const vendor = new VendorPages(vendorPage);
  await vendor.openPartnership(south.name);
  await expect(vendorPage.getByText("Revoked").first()).toBeVisible();
  await expect(vendorPage.getByRole("button", { name: "Request more scopes" })).toHaveCount(0);
  await vendor.openHaulers();
  await vendor.requestPartnership(south.id, { Jobs: "Read" }, "Please reconnect us");
  await expect(vendor.row(south.name)).toContainText("Pending");
  expect((await api.listJobs()).status()).toBe(403);
});

test("deny with a reason → the vendor sees the reason", async () => {
  const partners = new PartnersPage(haulerPage, south.id);
  await partners.open();
  const dialog = await partners.review(vendorName);
  await dialog.getByRole("button", { name: "Deny…" }).click();
  await dialog.getByLabel("Reason").fill("We moved routing in-house");
  await expectNoSeriousA11yViolations(haulerPage, { include: "[role=dialog]" });
  await snap(haulerPage, "hauler-deny");
  await dialog.getByRole("button", { name: "Deny request" }).click();
  await expect(haulerPage.getByText(`Request from ${vendorName} denied`)).toBeVisible();

  const vendor = new VendorPages(vendorPage);
  await vendor.openPartnership(south.name);
  await expect(vendorPage.getByText("Reason: We moved routing in-house")).toBeVisible();
  await expect(vendorPage.getByText("Denied").first()).toBeVisible();
});

test("the history is the same on both sides, and the audit log has each step with the right actor", async () => {
  const partners = new PartnersPage(haulerPage, south.id);
  await partners.open();
  await haulerPage.getByRole("table", { name: "Past partnerships" }).getByRole("link", { name: vendorName }).click();
  const history = haulerPage.getByRole("list", { name: "Partnership history" });
  await expect(history.getByRole("listitem")).toHaveCount(9);
  await expectNoSeriousA11yViolations(haulerPage);
  await snap(haulerPage, "hauler-partner-detail");
  const haulerText = await history.textContent();
  const vendor = new VendorPages(vendorPage);
  await vendor.openPartnership(south.name);
  expect(await vendorPage.getByRole("list", { name: "Partnership history" }).textContent()).toBe(haulerText);

  type Event = { action: string; actor: { label: string; ip: string | null }; metadata: { before?: { scopes: string[] }; after?: { scopes: string[] } } };
  const events = await klau<Event[]>(["audit", "list", "--vendor", DEMO.vendor.id, "--limit", "100"]);
  const mine = events.filter((e) => e.action.startsWith("partnership.")).reverse();
  const actorOf = (action: string) => [...new Set(mine.filter((e) => e.action === action).map((e) => e.actor.label))];
  expect(actorOf("partnership.requested")).toEqual([DEMO.users.vendor.email]);
  for (const action of ["partnership.approved", "partnership.suspended", "partnership.resumed", "partnership.revoked", "partnership.denied"]) {
    expect(actorOf(action), action).toEqual([DEMO.users.southAdmin.email]);
  }
  const firstApproval = mine.find((e) => e.action === "partnership.approved");
  expect(firstApproval?.metadata).toMatchObject({ before: { scopes: [] }, after: { scopes: ["read:jobs", "read:drivers"] } });
  for (const e of mine) expect(e.actor.ip, e.action).toBe(e.actor.label === DEMO.users.vendor.email ? IP.vendor : IP.southAdmin);
});
