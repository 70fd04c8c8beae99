import { expect, type Locator, type Page } from "@playwright/test";

/** Settings → Developer → API keys, its dialogs and the key detail page. */
export class KeysPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly createDialog: Locator;
  readonly secretDialog: Locator;
  readonly secret: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    // The header's button (the empty state may offer a second one).
    this.createButton = page.getByRole("button", { name: "Create key" }).first();
    this.createDialog = page.getByRole("dialog", { name: "Create API key" });
    this.secretDialog = page.getByRole("dialog", { name: /^Save the secret of/ });
    this.secret = page.getByTestId("secret-key");
    this.rows = page.getByTestId("key-row");
    this.search = page.getByRole("searchbox", { name: "Search keys by name" });
    this.status = page.getByRole("combobox", { name: "Status" });
  }

  async goto(tenantId: string, query = ""): Promise<void> {
    await this.page.goto(`/${tenantId}/settings/developer/keys${query}`);
    await expect(this.heading).toHaveText("API keys");
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** A preset card of the scope picker ("Full access", "Read only", "Custom"). */
  preset(scope: Locator, name: "Full access" | "Read only" | "Custom"): Locator {
    return scope.getByRole("radio", { name, exact: true });
  }

  /** A resource's radio in the Custom table, e.g. ("Jobs", "Read"). */
  access(scope: Locator, resource: string, level: "No access" | "Read" | "Read & write"): Locator {
    return scope.getByRole("radio", { name: `${resource}: ${level}`, exact: true });
  }

  scopeStrings(scope: Locator): Locator {
    return scope.getByTestId("scope-strings");
  }

  /** Fills the create dialog and submits it; returns the secret shown once (copied via the Copy button). */
  async create(options: { name: string; description?: string; choose?: (dialog: Locator) => Promise<void> }): Promise<string> {
    await this.createButton.click();
    await expect(this.createDialog).toBeVisible();
    await this.createDialog.getByLabel("Name", { exact: true }).fill(options.name);
    if (options.description) await this.createDialog.getByLabel(/^Description/).fill(options.description);
    await options.choose?.(this.createDialog);
    await this.createDialog.getByRole("button", { name: "Create key" }).click();
    return this.copySecretAndClose();
  }

  /** In the show-once dialog: copy the secret with its button, read it from the clipboard, close. */
  async copySecretAndClose(): Promise<string> {
    await expect(this.secretDialog).toBeVisible();
    await this.secretDialog.getByRole("button", { name: "Copy", exact: true }).click();
    const secret = await this.page.evaluate(() => navigator.clipboard.readText());
    expect(secret).toMatch(/^kl_live_/);
    await expect(this.secret).toHaveText(secret);
    await this.secretDialog.getByRole("button", { name: "Done" }).click();
    await expect(this.secretDialog).toBeHidden();
    return secret;
  }

  /** Opens the row's menu and chooses an action ("Edit", "Roll…", "Revoke…", "View details"). */
  async rowAction(name: string, action: string): Promise<void> {
    await this.row(name)
      .getByRole("button", { name: `Actions for ${name}` })
      .click();
    await this.page.getByRole("menuitem", { name: action }).click();
  }
}
