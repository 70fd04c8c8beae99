import type { Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/db/demo";

/** The sign-in page (/login). */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    this.submit = page.getByRole("button", { name: "Sign in" });
    // The form's own live region (Next adds a route announcer with role="alert" too).
    this.error = page.getByRole("alert").and(page.getByTestId("login-error"));
  }

  async goto(callbackUrl?: string): Promise<void> {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Opens /login and signs in, waiting until the browser has left the sign-in page. */
  async signInAs(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.goto();
    await this.signIn(email, password);
    await this.page.waitForURL((url) => url.pathname !== "/login");
  }
}
