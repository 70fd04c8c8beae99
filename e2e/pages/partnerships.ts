import { type APIRequestContext, expect, type Page } from "@playwright/test";

/**
 * Page objects for the partnership pages (vendor, company, operator): select by role and label,
 * as a user would. API helpers call /api/v1 over real HTTP with a vendor key and Klau-Tenant-Id.
 */
export class ScopePickerPart {
  constructor(private readonly page: Page) {}

  /** Custom preset, then each `resource: level` radio ("Jobs", "Read & write"). */
  async choose(levels: Record<string, "No access" | "Read" | "Read & write">): Promise<void> {
    const dialog = this.page.getByRole("dialog");
    const custom = dialog.getByRole("radio", { name: "Custom", exact: true });
    if (!(await custom.isChecked())) await custom.check();
    for (const [resource, level] of Object.entries(levels)) {
      await dialog.getByRole("radio", { name: `${resource}: ${level}`, exact: true }).check();
    }
  }
}

export class VendorPages {
  readonly picker: ScopePickerPart;
  constructor(readonly page: Page) {
    this.picker = new ScopePickerPart(page);
  }

  async openHaulers(): Promise<void> {
    await this.page.goto("/vendor");
    await expect(this.page.getByRole("heading", { level: 1, name: "Haulers" })).toBeVisible();
  }

  row(companyName: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("link", { name: companyName, exact: true }) });
  }

  async requestPartnership(tenantId: string, levels: Record<string, "Read" | "Read & write">, note: string): Promise<void> {
    await this.page.getByRole("button", { name: "Request a partnership" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Request a partnership" });
    await dialog.getByLabel("Hauler's tenant ID").fill(tenantId);
    await this.picker.choose(levels);
    await dialog.getByLabel("Why you need this access").fill(note);
    await dialog.getByRole("button", { name: "Send request" }).click();
  }

  async openPartnership(companyName: string): Promise<void> {
    await this.openHaulers();
    await this.page.getByRole("link", { name: companyName, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: companyName })).toBeVisible();
  }
}

export class PartnersPage {
  readonly picker: ScopePickerPart;
  constructor(
    readonly page: Page,
    readonly tenantId: string,
  ) {
    this.picker = new ScopePickerPart(page);
  }

  async open(): Promise<void> {
    await this.page.goto(`/${this.tenantId}/settings/developer/partners`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  }

  /** The sidebar link to Partners, whose name carries the pending count ("Partners 1 pending"). */
  navLink() {
    return this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Partners/ });
  }

  async review(vendorName: string) {
    await this.page.getByRole("button", { name: `Review request from ${vendorName}` }).click();
    return this.page.getByRole("dialog", { name: `Request from ${vendorName}` });
  }

  partnerRow(vendorName: string) {
    return this.page.getByRole("table", { name: "Partners" }).getByRole("row").filter({ hasText: vendorName });
  }
}

/** Calls /api/v1 with a vendor key acting for `tenantId`. */
export function vendorApi(request: APIRequestContext, key: string, tenantId: string) {
  const headers = { authorization: `Bearer ${key}`, "klau-tenant-id": tenantId };
  return {
    listJobs: () => request.get("/api/v1/jobs", { headers }),
    createJob: () => request.post("/api/v1/jobs", { headers, data: { serviceDate: "2026-03-15", type: "DELIVERY", containerSize: 20 } }),
    listDrivers: () => request.get("/api/v1/drivers", { headers }),
  };
}
