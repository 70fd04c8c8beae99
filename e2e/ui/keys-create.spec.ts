import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { auth, newKey } from "../api/pipeline-fixtures";
import { expectNoSeriousA11yViolations, expectReadableToast } from "../fixtures/axe";
import { klau } from "../fixtures/cli";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";
import { AppShell } from "../pages/app-shell";
import { KeysPage } from "../pages/keys-page";

const { companies } = DEMO;
// Several sign-ins, dialogs and API calls per test: slow on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function jobIds(request: import("@playwright/test").APIRequestContext, key: string): Promise<string[]> {
  const response = await request.get("/api/v1/jobs?limit=100", { headers: auth(key) });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { id: string }[] }).data.map((j) => j.id).sort();
}

test("corporate user: a Custom read:jobs key for North works over HTTP, gains read:drivers by an edit, and dies on revoke", async ({ page, request }) => {
  const keys = new KeysPage(page);
  const shell = new AppShell(page);
  await signInAs(page, "corporate");
  await page.goto(`/${companies.corporate.id}/settings/developer/keys`);
  await shell.tenantSwitcher.click();
  await shell.tenantOption(companies.north.name).click();
  await expect(page).toHaveURL(`/${companies.north.id}/settings/developer/keys`);
  await expectNoSeriousA11yViolations(page);

  const name = `Jobs reader ${Date.now()}`;
  await keys.createButton.click();
  const dialog = keys.createDialog;
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await keys.preset(dialog, "Custom").check();
  // Start from nothing, then give jobs read access (keyboard: the radio is a native input).
  await dialog.getByRole("button", { name: "Set all resources to No access" }).click();
  await dialog.getByRole("searchbox", { name: "Filter resources" }).fill("jobs");
  await keys.access(dialog, "Jobs", "Read").check();
  await expect(keys.scopeStrings(dialog)).toHaveText("read:jobs");
  await expect(dialog.getByTestId("scope-summary")).toHaveText("Can read jobs.");
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "keys-create-dialog-custom");
  await dialog.getByRole("button", { name: "Create key" }).click();

  await expect(keys.secretDialog).toBeVisible();
  await expect(keys.secretDialog.getByTestId("secret-curl")).toContainText("/api/v1/companies/current");
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "keys-secret-dialog");
  const secret = await keys.copySecretAndClose();
  await expect(keys.row(name)).toContainText("1 scope");

  // The key reads North's jobs, and only North's.
  const north = await newKey({ company: companies.north.id }, ["read:all"], "north reference");
  const south = await newKey({ company: companies.south.id }, ["read:all"], "south reference");
  const seen = await jobIds(request, secret);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen).toEqual(await jobIds(request, north.key));
  const southIds = new Set(await jobIds(request, south.key));
  expect(seen.filter((id) => southIds.has(id))).toEqual([]);

  const drivers = await request.get("/api/v1/drivers", { headers: auth(secret) });
  expect(drivers.status()).toBe(403);
  const refusal = (await drivers.json()) as { error: { code: string; requiredScope: string; message: string } };
  expect(refusal.error).toMatchObject({ code: "INSUFFICIENT_SCOPE", requiredScope: "read:drivers" });
  expect(refusal.error.message).toContain("read:drivers");

  // Edit: add read:drivers; the very next request is allowed.
  await keys.rowAction(name, "Edit");
  const edit = page.getByRole("dialog", { name: `Edit “${name}”` });
  await expect(keys.preset(edit, "Custom")).toBeChecked();
  await keys.access(edit, "Drivers", "Read").check();
  await expect(keys.scopeStrings(edit)).toHaveText("read:jobs,read:drivers");
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "keys-edit-dialog");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Key “${name}” saved`)).toBeVisible();
  await expect(edit).toBeHidden();
  // The shared success toast: sonner's own green was 4.25:1 on its tint; ours must pass axe.
  await expectReadableToast(page);
  await snap(page, "keys-toast-success");
  expect((await request.get("/api/v1/drivers", { headers: auth(secret) })).status()).toBe(200);

  // Detail page: exact scopes and the requests just made.
  await keys.row(name).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("key-scopes")).toHaveText("read:jobs,read:drivers");
  // The request log is written after the answer: the 403 row can be there before the 200 one.
  const allowed = page
    .getByTestId("request-row")
    .filter({ hasText: "/api/v1/drivers" })
    .filter({ has: page.getByText("200", { exact: true }) });
  const refused = page
    .getByTestId("request-row")
    .filter({ hasText: "/api/v1/drivers" })
    .filter({ has: page.getByText("403", { exact: true }) });
  await expect(async () => {
    await page.reload();
    await expect(allowed).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(refused).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "keys-detail");

  // Revoke from the detail page: the next request is refused.
  await page.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
  await expect(confirm).toContainText("401");
  await snap(page, "keys-revoke-confirm");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText(`Key “${name}” revoked`)).toBeVisible();
  await expect(page.getByText("Revoked", { exact: true }).first()).toBeVisible();
  const after = await request.get("/api/v1/jobs", { headers: auth(secret) });
  expect(after.status()).toBe(401);
});

test("the presets produce exactly read:all,write:all and read:all", async ({ page }) => {
  const keys = new KeysPage(page);
  await signInAs(page, "northAdmin");
  await keys.goto(companies.north.id);
  await keys.createButton.click();
  const dialog = keys.createDialog;
  await expect(keys.preset(dialog, "Read only")).toBeChecked();
  await expect(keys.scopeStrings(dialog)).toHaveText("read:all");
  await keys.preset(dialog, "Full access").check();
  await expect(keys.scopeStrings(dialog)).toHaveText("read:all,write:all");
  await expect(dialog.getByTestId("scope-summary")).toHaveText("Can read and change everything.");

  // Custom starts from the current choice; every resource at Read & write is Full access again.
  await keys.preset(dialog, "Custom").check();
  await expect(dialog.getByRole("radio", { name: /: Read & write$/ })).toHaveCount(29);
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await snap(page, "keys-scope-picker");
  await dialog.getByRole("button", { name: "Set all resources to Read", exact: true }).click();
  await expect(keys.scopeStrings(dialog)).toHaveText("read:all");

  const name = `Full ${Date.now()}`;
  await keys.preset(dialog, "Full access").check();
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await keys.copySecretAndClose();
  await expect(keys.row(name)).toContainText("Full access");
});

test("the scope picker is keyboard operable: presets, arrow keys within a resource, set all", async ({ page }) => {
  const keys = new KeysPage(page);
  await signInAs(page, "northAdmin");
  await keys.goto(companies.north.id);
  await keys.createButton.click();
  const dialog = keys.createDialog;
  await keys.preset(dialog, "Read only").focus();
  await page.keyboard.press("ArrowRight");
  await expect(keys.preset(dialog, "Custom")).toBeChecked();
  await expect(keys.preset(dialog, "Custom")).toBeFocused();
  await dialog.getByRole("button", { name: "Set all resources to No access" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("scope-summary")).toHaveText("Has no access: choose at least one resource.");
  await keys.access(dialog, "Jobs", "No access").focus();
  await page.keyboard.press("ArrowRight");
  await expect(keys.access(dialog, "Jobs", "Read")).toBeChecked();
  await page.keyboard.press("ArrowRight");
  await expect(keys.access(dialog, "Jobs", "Read & write")).toBeChecked();
  await expect(keys.scopeStrings(dialog)).toHaveText("read:jobs,write:jobs");
  // Escape closes the dialog and focus returns to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(keys.createButton).toBeFocused();
});

test("closing the show-once dialog before copying asks first", async ({ page }) => {
  const keys = new KeysPage(page);
  await signInAs(page, "northAdmin");
  await keys.goto(companies.north.id);
  await keys.createButton.click();
  await keys.createDialog.getByLabel("Name", { exact: true }).fill(`Uncopied ${Date.now()}`);
  await keys.createDialog.getByRole("button", { name: "Create key" }).click();
  await expect(keys.secretDialog).toBeVisible();
  await page.keyboard.press("Escape");
  const confirm = page.getByRole("alertdialog", { name: "Close without copying the secret?" });
  await expect(confirm).toBeVisible();
  await expect(keys.secretDialog).toBeVisible();
  await snap(page, "keys-secret-close-confirm");
  await confirm.getByRole("button", { name: "Go back" }).click();
  await expect(keys.secretDialog).toBeVisible();
  await keys.secretDialog.getByRole("button", { name: "I have saved it" }).click();
  await confirm.getByRole("button", { name: "Close anyway" }).click();
  await expect(keys.secretDialog).toBeHidden();
  // The secret is nowhere on the page any more.
  await expect(keys.secret).toHaveCount(0);
});

test("a key made with the CLI with a write-only scope shows as write-only in the picker, and saving keeps it", async ({ page }) => {
  const made = await newKey({ company: companies.north.id }, ["write:dispatches"], "CLI write-only");
  const keys = new KeysPage(page);
  await signInAs(page, "northAdmin");
  const name = (await klau<{ id: string; name: string }[]>(["keys", "list", "--company", companies.north.id])).find((k) => k.id === made.id)?.name ?? "";
  await keys.goto(companies.north.id, `?q=${encodeURIComponent(name)}`);
  await expect(keys.row(name)).toContainText("1 scope");
  await keys.rowAction(name, "Edit");
  const edit = page.getByRole("dialog", { name: `Edit “${name}”` });
  await expect(keys.preset(edit, "Custom")).toBeChecked();
  await expect(edit.getByRole("radio", { name: "Dispatches: Write only (set with the CLI)" })).toBeChecked();
  await expect(keys.access(edit, "Dispatches", "Read")).not.toBeChecked();
  await expect(keys.scopeStrings(edit)).toHaveText("write:dispatches");
  await expect(edit.getByTestId("scope-summary")).toHaveText("Can change dispatches without reading them.");
  // A rename leaves the scopes exactly as they were.
  await edit.getByLabel("Name", { exact: true }).fill(`${name} renamed`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  const after = (await klau<{ id: string; name: string; scopes: string[] }[]>(["keys", "list", "--company", companies.north.id])).find((k) => k.id === made.id);
  expect(after).toMatchObject({ name: `${name} renamed`, scopes: ["write:dispatches"] });
});
