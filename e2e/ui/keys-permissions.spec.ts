import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { auth, newCompany, newKey } from "../api/pipeline-fixtures";
import { klau } from "../fixtures/cli";
import { actionArgs, captureServerAction, replayServerAction } from "../fixtures/server-action";
import { type DemoUser, signInAs } from "../fixtures/session";
import { KeysPage } from "../pages/keys-page";

const { companies } = DEMO;
// Several sign-ins, dialogs and API calls per test: slow on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });
type KeyRow = { id: string; name: string; scopes: string[]; status: string; revokedAt: string | null };

async function signedIn(browser: Browser, user: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, user);
  return page;
}

async function northKeys(): Promise<KeyRow[]> {
  return klau<KeyRow[]>(["keys", "list", "--company", companies.north.id]);
}

test("a division member sees the list but no create button, no actions, and crafted action calls are refused", async ({ browser, request }) => {
  const target = await newKey({ company: companies.north.id }, ["read:jobs"], `Member target ${Date.now()}`);
  const admin = await signedIn(browser, "northAdmin");
  const adminKeys = new KeysPage(admin);
  await adminKeys.goto(companies.north.id);
  const targetName = (await northKeys()).find((k) => k.id === target.id)?.name ?? "";

  // The admin's own UI calls, stopped before they reach the server: the shape of each action.
  const create = await captureServerAction(admin, async () => {
    await adminKeys.createButton.click();
    await adminKeys.createDialog.getByLabel("Name", { exact: true }).fill("Crafted by a member");
    await adminKeys.createDialog.getByRole("button", { name: "Create key" }).click();
  });
  // A stopped action leaves its dialog busy: start each capture from a fresh page.
  await adminKeys.goto(companies.north.id, `?q=${encodeURIComponent(targetName)}`);
  await expect(adminKeys.rows).toHaveCount(1);
  const edit = await captureServerAction(admin, async () => {
    await adminKeys.rowAction(targetName, "Edit");
    await admin.getByLabel("Name", { exact: true }).fill("Renamed by a member");
    await admin.getByRole("button", { name: "Save changes" }).click();
  });
  await adminKeys.goto(companies.north.id, `?q=${encodeURIComponent(targetName)}`);
  const roll = await captureServerAction(admin, async () => {
    await adminKeys.rowAction(targetName, "Roll…");
    await admin.getByRole("button", { name: "Roll key" }).click();
  });
  await adminKeys.goto(companies.north.id, `?q=${encodeURIComponent(targetName)}`);
  const revoke = await captureServerAction(admin, async () => {
    await adminKeys.rowAction(targetName, "Revoke…");
    await admin.getByRole("button", { name: "Revoke key" }).click();
  });
  expect(actionArgs(revoke)).toEqual([{ tenantId: companies.north.id, keyId: target.id }]);

  const member = await signedIn(browser, "northMember");
  const memberKeys = new KeysPage(member);
  await memberKeys.goto(companies.north.id);
  await expect(member.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await memberKeys.search.fill(targetName);
  await expect(memberKeys.rows).toHaveCount(1);
  await memberKeys
    .row(targetName)
    .getByRole("button", { name: `Actions for ${targetName}` })
    .click();
  await expect(member.getByRole("menuitem")).toHaveText(["View details"]);
  await member.keyboard.press("Escape");

  const before = (await northKeys()).find((k) => k.id === target.id);
  for (const action of [create, edit, roll, revoke]) {
    const answer = await replayServerAction(member, action);
    expect(answer.text).toContain('"code":"FORBIDDEN"');
    expect(answer.text).not.toContain("kl_live_");
  }
  const after = await northKeys();
  expect(after.find((k) => k.id === target.id)).toEqual(before);
  expect(after.filter((k) => k.name === "Crafted by a member" || k.name === "Renamed by a member")).toEqual([]);
  // No replacement key either (a refused roll creates nothing).
  expect(after.filter((k) => k.name === targetName)).toHaveLength(1);
  expect((await request.get("/api/v1/jobs", { headers: auth(target.key) })).status()).toBe(200);
});

test("a North division admin gets not found for South's keys, by URL and by action", async ({ browser }) => {
  const south = await newKey({ company: companies.south.id }, ["read:jobs"], `South only ${Date.now()}`);
  const page = await signedIn(browser, "northAdmin");
  for (const url of [`/${companies.south.id}/settings/developer/keys/${south.id}`, `/${companies.north.id}/settings/developer/keys/${south.id}`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  // The revoke action with North as the tenant and South's key id: NOT_FOUND, and the key works on.
  const keys = new KeysPage(page);
  const mine = await newKey({ company: companies.north.id }, ["read:jobs"], `North decoy ${Date.now()}`);
  const decoyName = (await northKeys()).find((k) => k.id === mine.id)?.name ?? "";
  await keys.goto(companies.north.id, `?q=${encodeURIComponent(decoyName)}`);
  const revoke = await captureServerAction(page, async () => {
    await keys.rowAction(decoyName, "Revoke…");
    await page.getByRole("button", { name: "Revoke key" }).click();
  });
  for (const args of [[{ tenantId: companies.north.id, keyId: south.id }], [{ tenantId: companies.south.id, keyId: south.id }]]) {
    const answer = await replayServerAction(page, revoke, args);
    expect(answer.text).toContain('"code":"NOT_FOUND"');
  }
  const stillThere = await klau<KeyRow[]>(["keys", "list", "--company", companies.south.id]);
  expect(stillThere.find((k) => k.id === south.id)?.status).toBe("active");
});

test("a maximum key lifetime of 30 days: the Developer overview sets it, “Never” is refused in the dialog and by the server", async ({ browser }) => {
  // A division of its own, so no other test's keys are affected by its maximum.
  const divisionId = await newCompany("Lifetime", companies.corporate.id);
  const page = await signedIn(browser, "corporate");
  await page.goto(`/${divisionId}/settings/developer`);
  await page.getByLabel("Maximum key lifetime").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Maximum key lifetime: 30 days")).toBeVisible();

  const keys = new KeysPage(page);
  await keys.goto(divisionId);
  await keys.createButton.click();
  const dialog = keys.createDialog;
  await expect(dialog.getByRole("radio", { name: "Never" })).toBeDisabled();
  await expect(dialog.getByRole("radio", { name: "90 days" })).toBeDisabled();
  await expect(dialog.getByRole("radio", { name: "30 days" })).toBeChecked();
  await expect(dialog).toContainText("at most 30 days");

  await dialog.getByLabel("Name", { exact: true }).fill("Thirty days");
  const create = await captureServerAction(page, () => dialog.getByRole("button", { name: "Create key" }).click());
  const [args] = actionArgs(create) as [Record<string, unknown>];
  expect(args.expiry).toEqual({ kind: "days", days: 30 });
  for (const expiry of [{ kind: "never" }, { kind: "days", days: 31 }, { kind: "date", date: "2099-01-01" }]) {
    const answer = await replayServerAction(page, create, [{ ...args, name: `Too long ${expiry.kind}`, expiry }]);
    expect(answer.text, JSON.stringify(expiry)).toContain("at most 30 days");
    expect(answer.text).not.toContain("kl_live_");
  }
  expect(await klau<KeyRow[]>(["keys", "list", "--company", divisionId])).toEqual([]);
  // Within the maximum, the same action works.
  const ok = await replayServerAction(page, create, [args]);
  expect(ok.text).toContain("kl_live_");
});
