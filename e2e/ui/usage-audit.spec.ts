import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { auth, newKey } from "../api/pipeline-fixtures";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";
import { AuditPage, UsagePage } from "../pages/usage-pages";

const { north, south } = DEMO.companies;

test.describe.configure({ mode: "serial", timeout: 180_000 });

let key: { id: string; key: string };
const keyName = `Jobs reader ${Date.now().toString(36)}`;

test("least privilege: a key used only for GET /jobs is reduced to read:jobs; /drivers then answers 403; the change is audited", async ({ page, request }) => {
  key = await newKey({ company: north.id }, ["read:jobs", "read:drivers", "write:jobs"], keyName);
  for (let i = 0; i < 3; i++) expect((await request.get("/api/v1/jobs", { headers: auth(key.key) })).status()).toBe(200);

  await signInAs(page, "northAdmin");
  const usage = new UsagePage(page);
  const card = usage.suggestionFor(keyName);
  await expect(async () => {
    await usage.goto(north.id, "7d");
    await expect(card).toContainText("Uses 1 of 3 granted scopes", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // GET /api/v1/usage (with another of North's keys: a direct key sees its company's usage) gives
  // the same figures as the page for this key.
  const reader = await newKey({ company: north.id }, ["read:usage"], "Usage reader");
  const api = (await (await request.get("/api/v1/usage?range=7d", { headers: auth(reader.key) })).json()).data;
  const mine = api.identities.find((i: { apiKeyId: string }) => i.apiKeyId === key.id);
  expect(mine).toMatchObject({ total: 3, errors: 0 });
  const row = page.getByRole("table", { name: "Requests per key and vendor" }).getByRole("row", { name: new RegExp(keyName) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
  expect(api.rateLimit).toMatchObject({ identity: `company:${north.id}`, limit: 500 });

  await card.getByRole("button", { name: "Reduce to used scopes" }).click();
  // The CLI fixture makes key names unique with a suffix: match the name's start.
  const dialog = page.getByRole("dialog", { name: new RegExp(`^Reduce key “${keyName}.*” to used scopes$`) });
  await expect(dialog.getByRole("list", { name: "Scopes kept" })).toHaveText("read:jobs");
  await expect(dialog.getByRole("list", { name: "Scopes removed" }).getByRole("listitem")).toHaveText(["read:drivers", "write:jobs"]);
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "reduce-dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await card.getByRole("button", { name: "Reduce to used scopes" }).click();
  await dialog.getByRole("button", { name: "Keep 1 scope" }).click();
  await expect(page.getByText(new RegExp(`key “${keyName}.*” now has read:jobs`))).toBeVisible();
  await expect(card).toContainText("Uses 1 of 1 granted scope");

  // Takes effect on the next request.
  const drivers = await request.get("/api/v1/drivers", { headers: auth(key.key) });
  expect(drivers.status()).toBe(403);
  expect((await drivers.json()).error.code).toBe("INSUFFICIENT_SCOPE");
  expect((await request.get("/api/v1/jobs", { headers: auth(key.key) })).status()).toBe(200);

  const audit = new AuditPage(page);
  await audit.goto(north.id, { target: key.id });
  await expect(audit.rows.filter({ hasText: "api_key.scopes_reduced" })).toContainText(DEMO.users.northAdmin.email);
  await expect(audit.rows.filter({ hasText: "api_key.created" })).toContainText("cli");
});

test("the usage and audit pages have no serious accessibility violation (admin and member views)", async ({ page }) => {
  await signInAs(page, "northAdmin");
  await new UsagePage(page).goto(north.id, "30d");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usage");
  await expectNoSeriousA11yViolations(page);
  await new AuditPage(page).goto(north.id);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "audit-log");

  await page.context().clearCookies();
  await signInAs(page, "northMember");
  await new UsagePage(page).goto(north.id, "7d");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "usage-member");
  await new AuditPage(page).goto(north.id);
  await expect(page.getByText("Only admins can export the audit log.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("audit CSV/JSON export: the key's events with the right actor; a member cannot export; South sees none of North's", async ({ page }) => {
  await signInAs(page, "northAdmin");
  const audit = new AuditPage(page);
  const csv = await page.request.get(audit.exportUrl(north.id, "csv", { target: key.id }));
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-.*\.csv"$/);
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("time,actor,actor_user_id,ip,action,target_type,target_id,company_id,vendor_id,details");
  const reduced = lines.find((l) => l.includes("api_key.scopes_reduced"));
  expect(reduced).toContain(`${DEMO.users.northAdmin.email},`);
  expect(reduced).toContain(`,api_key,${key.id},${north.id},`);
  expect(lines.find((l) => l.includes("api_key.created"))).toMatch(/^[^,]+,cli,/);
  const json = await page.request.get(audit.exportUrl(north.id, "json", { target: key.id }));
  const events = (await json.json()) as { action: string; actor: { label: string } }[];
  expect(events.map((e) => e.action).sort()).toEqual(["api_key.created", "api_key.scopes_reduced"]);

  // South's admin: North's export is not found, South's own log has none of North's entries.
  await page.context().clearCookies();
  await signInAs(page, "southAdmin");
  expect((await page.request.get(audit.exportUrl(north.id, "csv"))).status()).toBe(404);
  const southCsv = await (await page.request.get(audit.exportUrl(south.id, "csv"))).text();
  expect(southCsv).not.toContain(north.id);
  expect(southCsv).not.toContain(key.id);
  await audit.goto(south.id, { target: key.id });
  await expect(audit.rows).toHaveText(["No audit entries match these filters."]);
  expect((await page.goto(`/${north.id}/settings/developer/audit`))?.status()).toBe(404);

  // A member may read the log but not export it, and cannot export another tenant's at all.
  await page.context().clearCookies();
  await signInAs(page, "northMember");
  const forbidden = await page.request.get(audit.exportUrl(north.id, "csv"));
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.code).toBe("FORBIDDEN");
  expect((await page.request.get(audit.exportUrl(south.id, "csv"))).status()).toBe(404);

  // Signed out: sent to sign in (the proxy), never a file.
  await page.context().clearCookies();
  const signedOut = await page.request.get(audit.exportUrl(north.id, "csv"), { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toContain("/login");
});
