import type { Locator, Page } from "@playwright/test";

const developer = (tenantId: string) => `/${tenantId}/settings/developer`;

/** /{tenant}/settings/developer/usage */
export class UsagePage {
  readonly totals: Locator;
  readonly headroom: Locator;
  readonly suggestions: Locator;
  constructor(readonly page: Page) {
    this.totals = page.getByTestId("usage-totals");
    this.headroom = page.getByRole("region", { name: "Rate-limit headroom now" });
    this.suggestions = page.getByRole("region", { name: "Least-privilege suggestions" });
  }
  goto(tenantId: string, range = "24h") {
    return this.page.goto(`${developer(tenantId)}/usage?range=${range}`);
  }
  total(label: string): Locator {
    return this.totals
      .locator("div")
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator("dd");
  }
  suggestionFor(keyName: string): Locator {
    return this.suggestions.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name: keyName }) });
  }
}

/** /{tenant}/settings/developer/usage/requests */
export class RequestLogPage {
  readonly rows: Locator;
  readonly detail: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByRole("table", { name: "API requests, newest first" }).locator("tbody tr");
    this.detail = page.getByRole("region", { name: /^Request / });
  }
  goto(tenantId: string, filters: Record<string, string> = {}) {
    return this.page.goto(`${developer(tenantId)}/usage/requests?${new URLSearchParams(filters)}`);
  }
  async filter(values: { key?: string; status?: string; requestId?: string; method?: string; path?: string; from?: string; to?: string }) {
    const form = this.page.getByRole("form", { name: "Filter requests" });
    if (values.key) await form.getByLabel("Key").selectOption({ label: values.key });
    if (values.status) await form.getByLabel("Status").fill(values.status);
    if (values.requestId) await form.getByLabel("Request ID").fill(values.requestId);
    if (values.method) await form.getByLabel("Method").selectOption(values.method);
    if (values.path) await form.getByLabel("Path starts with").fill(values.path);
    if (values.from) await form.getByLabel("From (UTC)").fill(values.from);
    if (values.to) await form.getByLabel("Before (UTC)").fill(values.to);
    await form.getByRole("button", { name: "Apply filters" }).click();
  }
}

/** /{tenant}/settings/developer/audit */
export class AuditPage {
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByRole("table", { name: "Audit entries, newest first" }).locator("tbody tr");
  }
  goto(tenantId: string, filters: Record<string, string> = {}) {
    return this.page.goto(`${developer(tenantId)}/audit?${new URLSearchParams(filters)}`);
  }
  exportUrl(tenantId: string, format: "csv" | "json", filters: Record<string, string> = {}) {
    return `${developer(tenantId)}/audit/export?${new URLSearchParams({ ...filters, format })}`;
  }
}
