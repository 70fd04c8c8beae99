import type { Locator, Page } from "@playwright/test";

/** The sidebar frame of the dashboard, vendor and operator areas. */
export class AppShell {
  readonly user: Locator;
  readonly signOutButton: Locator;
  readonly tenantSwitcher: Locator;
  readonly currentTenant: Locator;
  readonly nav: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.user = page.getByTestId("signed-in-user");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.tenantSwitcher = page.getByRole("button", { name: /Switch company or division/ });
    this.currentTenant = page.getByTestId("tenant-current");
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.heading = page.getByRole("heading", { level: 1 });
  }

  tenantOption(name: string): Locator {
    return this.page.getByRole("menuitem", { name });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole("link", { name, exact: true });
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.page.waitForURL((url) => url.pathname === "/login");
  }
}
