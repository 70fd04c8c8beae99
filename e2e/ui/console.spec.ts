import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { EXAMPLE_SERVICE_DATE } from "../../lib/db/seed-hauling";
import { auth, newKey } from "../api/pipeline-fixtures";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { klau } from "../fixtures/cli";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";
import { ConsolePage } from "../pages/console-page";

const { companies, users } = DEMO;
const run = promisify(execFile);
const consoleUrl = (tenant: string) => `/${tenant}/settings/developer/console`;

type SendInput = { tenantId?: string; haulerId?: string; call: Record<string, unknown>; identity: Record<string, unknown> };

/**
 * Rewrites the next call the console page sends to its server route (a crafted call, as an attacker
 * with the page's cookies could post it) and lets it through to the server.
 */
async function craftConsoleCall(page: Page, mutate: (input: SendInput) => SendInput): Promise<void> {
  let crafted = false;
  await page.route("**/api/console/**", async (route) => {
    const request = route.request();
    if (crafted || request.method() !== "POST") return route.fallback();
    crafted = true;
    const input = JSON.parse(request.postData() ?? "{}") as SendInput;
    await route.fallback({ postData: JSON.stringify(mutate(input)) });
  });
}

test.describe("the API console", () => {
  test("North's admin, as themselves: GET jobs of a date, logged under the console identity; POST asks first, then replays", async ({ page, request }) => {
    test.setTimeout(180_000); // several operator-CLI calls (keys, request log), a few seconds each
    const workbench = new ConsolePage(page);
    await signInAs(page, "northAdmin");
    await workbench.goto(consoleUrl(companies.north.id));
    await expectNoSeriousA11yViolations(page);
    await snap(page, "console-admin");

    await workbench.choose("GET", "/api/v1/jobs");
    await workbench.param("date").fill(EXAMPLE_SERVICE_DATE);
    await workbench.param("date").press("Control+Enter");
    await workbench.expectStatus(200);
    const listed = await workbench.responseJson<{ data: { id: string }[] }>();
    expect(listed.data.length).toBeGreaterThan(0);

    // The same query with North's and South's own keys: the console saw exactly North's jobs.
    const north = await newKey({ company: companies.north.id }, ["read:jobs"], "console-e2e-north");
    const south = await newKey({ company: companies.south.id }, ["read:jobs"], "console-e2e-south");
    const direct = async (key: string) =>
      ((await (await request.get(`/api/v1/jobs?date=${EXAMPLE_SERVICE_DATE}`, { headers: auth(key) })).json()) as { data: { id: string }[] }).data.map(
        (j) => j.id,
      );
    expect(listed.data.map((j) => j.id).sort()).toEqual((await direct(north.key)).sort());
    const southIds = new Set(await direct(south.key));
    expect(listed.data.some((j) => southIds.has(j.id))).toBe(false);

    // The request log names the caller "Console (email)", not a key.
    await expect
      .poll(
        async () => {
          const rows = await klau<{ caller: string; path: string; status: number; apiKeyId: string | null }[]>([
            "requests",
            "list",
            "--company",
            companies.north.id,
            "--limit",
            "30",
          ]);
          return rows.find((r) => r.path === "/api/v1/jobs" && r.caller === `Console (${users.northAdmin.email})`);
        },
        { timeout: 30_000 },
      )
      .toMatchObject({ status: 200, apiKeyId: null });
    // And it is not one of the tenant's keys.
    const keys = await klau<{ name: string }[]>(["keys", "list", "--company", companies.north.id]);
    expect(keys.some((k) => /console/i.test(k.name) && !k.name.startsWith("console-e2e"))).toBe(false);

    // A write: pre-filled with a valid example, confirmed first, then 201; the same call again replays.
    await workbench.choose("POST", "/api/v1/jobs");
    await expect(page.getByText("Matches the operation’s schema.")).toBeVisible();
    await workbench.send.click();
    await expect(workbench.confirmDialog).toContainText(`This changes ${companies.north.name}'s live data.`);
    await expectNoSeriousA11yViolations(page, { include: "[role=alertdialog]" });
    await snap(page, "console-confirm-write");
    await workbench.confirmDialog.getByRole("button", { name: "Send" }).click();
    await workbench.expectStatus(201);
    const created = await workbench.responseJson<{ data: { id: string } }>();
    await expect(workbench.response.getByText(/Replayed/)).toHaveCount(0);
    await workbench.send.click();
    await workbench.confirmDialog.getByRole("button", { name: "Send" }).click();
    await expect(workbench.response.getByText("Replayed (X-Idempotency-Hit: true)")).toBeVisible();
    await workbench.expectStatus(201);
    expect((await workbench.responseJson<{ data: { id: string } }>()).data.id).toBe(created.data.id);

    // A body that breaks the schema is named before anything is sent.
    await workbench.body().fill(JSON.stringify({ serviceDate: "2026-02-30", containerSize: 0 }));
    await expect(page.getByTestId("console-body-issues")).toContainText("serviceDate");
    await expect(workbench.send).toBeDisabled();

    // The history keeps the three calls across a reload and runs one again.
    await expect(workbench.history.getByRole("listitem")).toHaveCount(3);
    await page.reload();
    await expect(workbench.history.getByRole("listitem")).toHaveCount(3);
    await workbench.history.getByRole("button", { name: `Run again GET /api/v1/jobs?date=${EXAMPLE_SERVICE_DATE}` }).click();
    await workbench.expectStatus(200);
    await snap(page, "console-admin-response");

    // The request log page and the usage page name the caller "Console (email)" too.
    const caller = `Console (${users.northAdmin.email})`;
    await page.goto(`/${companies.north.id}/settings/developer/usage/requests?path=/api/v1/jobs`);
    await expect(page.getByRole("row").filter({ hasText: caller }).first()).toBeVisible();
    await expect(async () => {
      await page.goto(`/${companies.north.id}/settings/developer/usage?range=24h`);
      await expect(page.getByRole("table", { name: "Requests per key and vendor" }).getByRole("row").filter({ hasText: caller })).toHaveCount(1, {
        timeout: 2000,
      });
    }).toPass({ timeout: 30_000 });
  });

  test("the session's scopes are chosen in a dialog and shown per operation", async ({ page }) => {
    const workbench = new ConsolePage(page);
    await signInAs(page, "northAdmin");
    await workbench.goto(consoleUrl(companies.north.id));
    await page.getByRole("button", { name: "Change scopes" }).click();
    const dialog = page.getByRole("dialog", { name: "Console session scopes" });
    await dialog.getByRole("radio", { name: /Read only/ }).check();
    await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
    await snap(page, "console-scopes-dialog");
    await dialog.getByRole("button", { name: "Use these scopes" }).click();
    await expect(page.getByTestId("console-session-scopes")).toHaveText("Read only");
    await workbench.search.fill("/jobs");
    await expect(workbench.endpoints.getByRole("button", { name: /POST.*write:jobs \(missing\)/ })).toBeVisible();
    await expect(workbench.endpoints.getByRole("button", { name: /GET \/jobs List jobs read:jobs \(granted\)/ })).toBeVisible();
  });

  test("a member is offered GET operations only, and a crafted POST to the console's route is refused", async ({ page, request }) => {
    const workbench = new ConsolePage(page);
    await signInAs(page, "northMember");
    await workbench.goto(consoleUrl(companies.north.id));
    await expect(workbench.endpoints.getByRole("button", { name: /^GET/ }).first()).toBeVisible();
    await expect(workbench.endpoints.getByRole("button", { name: /^(POST|PATCH|PUT|DELETE)/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Change scopes" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await snap(page, "console-member");

    await workbench.choose("GET", "/api/v1/jobs");
    const marker = "2031-01-07";
    await craftConsoleCall(page, (input) => ({
      ...input,
      call: { method: "POST", path: "/api/v1/jobs", body: JSON.stringify({ serviceDate: marker }), idempotencyKey: "crafted" },
      identity: { type: "session", scopes: ["write:all"] },
    }));
    await workbench.send.click();
    await expect(workbench.failure).toHaveText("Your role can send GET requests only from the console");
    const north = await newKey({ company: companies.north.id }, ["read:jobs"], "console-e2e-member-check");
    const after = (await (await request.get(`/api/v1/jobs?date=${marker}`, { headers: auth(north.key) })).json()) as { data: unknown[] };
    expect(after.data).toEqual([]);
  });

  test("with a pasted key that has only read:jobs, GET drivers → 403 naming read:drivers; the key is never kept", async ({ page }) => {
    const workbench = new ConsolePage(page);
    const key = await newKey({ company: companies.north.id }, ["read:jobs"], "console-e2e-read-jobs");
    await signInAs(page, "northAdmin");
    await workbench.goto(consoleUrl(companies.north.id));
    await workbench.useKey(key.key);
    await workbench.choose("GET", "/api/v1/drivers");
    await workbench.send.click();
    await workbench.expectStatus(403);
    await expect(workbench.errorHelp).toContainText("INSUFFICIENT_SCOPE");
    await expect(workbench.errorHelp).toContainText("read:drivers");
    await expect(workbench.errorHelp.getByRole("link", { name: "Edit API keys" })).toHaveAttribute("href", `/${companies.north.id}/settings/developer/keys`);
    await expectNoSeriousA11yViolations(page);
    await snap(page, "console-key-403");
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).toContain("/api/v1/drivers");
    expect(stored).not.toContain(key.key);
    // Only the password field holds it: no text on the page shows it.
    expect(await page.locator("body").textContent()).not.toContain(key.key.slice(8));
  });

  test("copy as curl, run in a shell with the key exported, gives the same status", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const workbench = new ConsolePage(page);
    const key = await newKey({ company: companies.north.id }, ["read:jobs"], "console-e2e-curl");
    await signInAs(page, "northAdmin");
    await workbench.goto(consoleUrl(companies.north.id));
    await workbench.useKey(key.key);
    for (const [path, status] of [
      ["/api/v1/jobs", 200],
      ["/api/v1/drivers", 403],
    ] as const) {
      await workbench.choose("GET", path);
      await workbench.send.click();
      await workbench.expectStatus(status);
      await page.getByRole("button", { name: "Copy as curl" }).click();
      const curl = await page.evaluate(() => navigator.clipboard.readText());
      expect(curl).toContain("$KLAU_API_KEY");
      expect(curl).not.toContain(key.key);
      const { stdout } = await run("bash", ["-c", `${curl} -s -o /dev/null -w '%{http_code}'`], { env: { ...process.env, KLAU_API_KEY: key.key } });
      expect(Number(stdout)).toBe(status);
    }
  });

  test("paths outside /api/v1 are refused by the console's route", async ({ page }) => {
    const workbench = new ConsolePage(page);
    await signInAs(page, "northAdmin");
    await workbench.goto(consoleUrl(companies.north.id));
    await workbench.choose("GET", "/api/v1/jobs");
    for (const path of ["/api/internal/cli", "http://example.com", "/api/v1/../internal/cli"]) {
      await craftConsoleCall(page, (input) => ({ ...input, call: { ...input.call, path } }));
      await workbench.send.click();
      await expect(workbench.failure).toContainText(`The console only calls this app's /api/v1 (refused: ${path})`);
      await page.unrouteAll({ behavior: "wait" });
      await workbench.send.click();
      await workbench.expectStatus(200);
      await expect(workbench.failure).toHaveCount(0);
    }
  });

  test("the console's route answers this app's pages only: another site, a form post and a signed-out call are refused", async ({ page, request }) => {
    await signInAs(page, "northAdmin");
    await page.goto(consoleUrl(companies.north.id));
    const origin = await page.evaluate(() => window.location.origin);
    const withCookies = page.context().request;
    const data = JSON.stringify({
      tenantId: companies.north.id,
      call: { method: "GET", path: `/api/v1/jobs?date=${EXAMPLE_SERVICE_DATE}` },
      identity: { type: "session", scopes: ["read:jobs"] },
    });
    const send = (client: typeof request, headers: Record<string, string>) => client.post("/api/console/tenant", { headers, data });
    const json = { "content-type": "application/json" };

    const own = await send(withCookies, { ...json, origin });
    expect(own.status()).toBe(200);
    expect(((await own.json()) as { data: { status: number } }).data.status).toBe(200);
    const crossSite = await send(withCookies, { ...json, origin: "https://evil.example" });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await send(withCookies, { "content-type": "text/plain", origin })).status()).toBe(415);
    const signedOut = await send(request, { ...json, origin });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.json()).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
  });

  test("the demo vendor calls North with the tenant header set; South is not offered and a crafted call is refused", async ({ page }) => {
    const workbench = new ConsolePage(page);
    await signInAs(page, "vendor");
    await workbench.goto("/vendor/console");
    const hauler = page.getByLabel("Hauler (Klau-Tenant-Id)");
    await expect(hauler.getByRole("option")).toHaveText([companies.north.name]);
    await expectNoSeriousA11yViolations(page);
    await snap(page, "console-vendor");

    await workbench.choose("GET", "/api/v1/jobs");
    await expect(page.getByText(`· Klau-Tenant-Id: ${companies.north.id}`)).toBeVisible();
    await workbench.send.click();
    await workbench.expectStatus(200);
    await page.getByText("Show curl").click();
    await expect(workbench.curl).toContainText(`Klau-Tenant-Id: ${companies.north.id}`);

    await craftConsoleCall(page, (input) => ({ ...input, haulerId: companies.south.id }));
    await workbench.send.click();
    await expect(workbench.failure).toHaveText("Hauler not found");
  });
});
