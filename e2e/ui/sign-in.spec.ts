import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { signInByCallback } from "../fixtures/auth-callback";
import { klau } from "../fixtures/cli";
import { AppShell } from "../pages/app-shell";
import { LoginPage } from "../pages/login-page";

const { companies, users } = DEMO;
const developer = (tenantId: string) => `/${tenantId}/settings/developer`;

const HOMES = [
  { who: "platform operator", user: users.operator, path: "/operator", role: "Platform operator", heading: "Directory" },
  { who: "corporate user", user: users.corporate, path: developer(companies.corporate.id), role: "Corporate", heading: "Developer settings" },
  { who: "North division admin", user: users.northAdmin, path: developer(companies.north.id), role: "Admin", heading: "Developer settings" },
  { who: "South division admin", user: users.southAdmin, path: developer(companies.south.id), role: "Admin", heading: "Developer settings" },
  { who: "North division member", user: users.northMember, path: developer(companies.north.id), role: "Member", heading: "Developer settings" },
  { who: "vendor user", user: users.vendor, path: "/vendor", role: "Vendor developer", heading: "Haulers" },
] as const;

for (const home of HOMES) {
  test(`the ${home.who} signs in and lands on their home`, async ({ page }) => {
    const login = new LoginPage(page);
    const shell = new AppShell(page);
    await login.signInAs(home.user.email);
    await expect(page).toHaveURL(home.path);
    await expect(shell.heading).toHaveText(home.heading);
    await expect(shell.user).toContainText(home.user.name);
    await expect(shell.user).toContainText(home.role);
  });
}

test("the vendor area lists the vendor's partnerships from the database", async ({ page }) => {
  await new LoginPage(page).signInAs(users.vendor.email);
  await expect(page.getByText(DEMO.vendor.name).first()).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(companies.north.name) });
  await expect(row).toContainText("Active");
  for (const scope of DEMO.partnership.scopes) await expect(row).toContainText(scope);
});

test("the operator area lists companies and vendors", async ({ page }) => {
  await new LoginPage(page).signInAs(users.operator.email);
  for (const company of Object.values(companies)) {
    await expect(page.getByRole("cell", { name: company.name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("cell", { name: DEMO.vendor.name, exact: true })).toBeVisible();
});

test("a wrong password shows one clear message and keeps the email", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(users.northAdmin.email, "not-the-password");
  await expect(login.error).toHaveText("Invalid email or password");
  await expect(page).toHaveURL("/login");
  await expect(login.email).toHaveValue(users.northAdmin.email);
  await expect(login.password).toHaveValue("");
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("nobody@acme-waste.test", "whatever-password");
  await expect(login.error).toHaveText("Invalid email or password");
  await expect(login.email).toHaveValue("nobody@acme-waste.test");
});

test("an empty form is rejected with field messages, not a crash", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.submit.click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await expect(login.email).toHaveAttribute("aria-invalid", "true");
});

test("a signed-out visit to a dashboard page goes to /login and back after sign-in", async ({ page }) => {
  const target = `${developer(companies.north.id)}/keys`;
  await page.goto(target);
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(target)}`);
  const login = new LoginPage(page);
  await login.signIn(users.northAdmin.email);
  // The sign-in action answers with the keys page itself (rendered on the server): in CI, North holds
  // the keys and request log of every other spec, on two busy cores (this whole test took 15–18 s in
  // CI runs, most of it here).
  await expect(page).toHaveURL(target, { timeout: 30_000 });
  await expect(new AppShell(page).heading).toHaveText("API keys");
});

for (const area of ["/vendor", "/operator"]) {
  test(`a signed-out visit to ${area} redirects to /login`, async ({ page }) => {
    await page.goto(area);
    await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(area)}`);
  });
}

test("a callbackUrl to another site is ignored", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto("https://evil.example/steal");
  await login.signIn(users.northAdmin.email);
  await expect(page).toHaveURL(developer(companies.north.id));
});

test("sign-out ends the session", async ({ page }) => {
  const login = new LoginPage(page);
  const shell = new AppShell(page);
  await login.signInAs(users.southAdmin.email);
  await shell.signOut();
  await expect(login.submit).toBeVisible();
  await page.goto(developer(companies.south.id));
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test("a signed-in user opening /login is sent home", async ({ page }) => {
  await new LoginPage(page).signInAs(users.operator.email);
  await page.goto("/login");
  await expect(page).toHaveURL("/operator");
});

test("ten failed sign-ins lock that email for 15 minutes, even with the right password and through Auth.js's own endpoint; other emails are unaffected", async ({
  page,
}) => {
  const email = `locked-${randomUUID().slice(0, 8)}@acme-waste.test`;
  const password = "correct-horse-battery";
  await klau(["users", "create", "--email", email, "--password", password, "--company", companies.north.id, "--role", "member"]);
  const login = new LoginPage(page);
  await login.goto();
  for (let attempt = 1; attempt <= 10; attempt++) {
    await login.signIn(email, `wrong-${attempt}`);
    await expect(login.error).toHaveText("Invalid email or password");
    await expect(login.password).toHaveValue("");
  }
  await login.signIn(email, password);
  await expect(login.error).toHaveText(/Too many failed sign-in attempts for this email\. Try again in 15 minutes\./);
  await expect(page).toHaveURL("/login");
  // The lock is the provider's, not the form's: POST /api/auth/callback/credentials refuses it too.
  expect(await signInByCallback(email, password, "192.0.2.10")).toBe("rate_limited");
  await login.signInAs(users.northMember.email);
  await expect(page).not.toHaveURL(/\/login/);
});
