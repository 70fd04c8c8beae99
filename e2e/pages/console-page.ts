import { expect, type Locator, type Page } from "@playwright/test";

/** The API console (tenant or vendor): pick an operation, fill it in, send, read the response. */
export class ConsolePage {
  readonly endpoints: Locator;
  readonly search: Locator;
  readonly send: Locator;
  readonly response: Locator;
  readonly status: Locator;
  readonly failure: Locator;
  readonly errorHelp: Locator;
  readonly history: Locator;
  readonly confirmDialog: Locator;
  readonly curl: Locator;

  constructor(readonly page: Page) {
    this.endpoints = page.getByRole("navigation", { name: "Endpoints" });
    this.search = page.getByRole("searchbox", { name: "Search endpoints" });
    this.send = page.getByRole("button", { name: /^(Send|Sending…)$/ });
    this.response = page.getByTestId("console-response");
    this.status = page.getByTestId("console-status");
    this.failure = page.getByTestId("console-failure");
    this.errorHelp = page.getByTestId("console-error-help");
    this.history = page.getByTestId("console-history");
    this.confirmDialog = page.getByRole("alertdialog");
    this.curl = page.getByTestId("console-curl");
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole("heading", { level: 1, name: "Console" })).toBeVisible();
  }

  /** Selects an operation by method and path as the list shows them (`GET`, `/jobs`). */
  async choose(method: string, path: string): Promise<void> {
    await this.search.fill(path);
    const summaryPath = path.replace("/api/v1", "");
    await this.endpoints
      .getByRole("button")
      // The button reads "GET/jobsList jobs…": the path is followed by the summary's capital letter.
      .filter({ hasText: new RegExp(`^${method}${summaryPath.replace(/[{}/]/g, "\\$&")}(?=[A-Z])`) })
      .first()
      .click();
    await expect(this.page.getByTestId("console-path")).toContainText(path);
  }

  param(name: string): Locator {
    return this.page.getByLabel(new RegExp(`^${name}\\s`));
  }

  body(): Locator {
    return this.page.getByLabel("Body (JSON)");
  }

  async useKey(key: string): Promise<void> {
    await this.page.getByRole("radio", { name: "With an API key" }).check();
    await this.page.getByLabel("API key", { exact: true }).fill(key);
  }

  async expectStatus(status: number): Promise<void> {
    await expect(this.status).toHaveText(String(status));
  }

  async responseJson<T = unknown>(): Promise<T> {
    const raw = this.response.getByRole("button", { name: "Raw" });
    if ((await raw.getAttribute("aria-pressed")) !== "true") await raw.click();
    return JSON.parse((await this.response.getByTestId("console-raw-body").textContent()) ?? "") as T;
  }
}
