import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { E2E_PORT } from "../env";
import { klau } from "../fixtures/cli";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";
import { RequestLogPage, UsagePage } from "../pages/usage-pages";

// Its own server (port E2E_PORT + 40; +10 and +20 belong to the scale project, which runs beside the ui project) with a rate limit of 10 requests per window and a fresh
// database: the only traffic there is this test's, so every count must match exactly.
const LIMIT = 10;
const north = DEMO.companies.north.id;
let server: OwnServer;

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startOwnServer(E2E_PORT + 40, { KLAU_RATE_LIMIT_POINTS: String(LIMIT) });
});
test.afterAll(async () => {
  await server?.stop();
});

test("two keys' 200s, 403s and 429s show up exactly on the usage page, the request log and the headroom", async ({ browser }) => {
  const newKey = (name: string) =>
    klau<{ id: string; key: string; prefix: string }>(["keys", "create", "--company", north, "--name", name, "--scopes", "read:jobs"], server.env);
  const alpha = await newKey("Alpha");
  const beta = await newKey("Beta");
  const context = await browser.newContext({ baseURL: server.baseURL });
  const call = async (key: string, path: string) => {
    const response = await context.request.get(`/api/v1/${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: response.status(), requestId: response.headers()["x-request-id"] ?? "" };
  };
  const sent = [
    ...(await Promise.all([1, 2, 3, 4].map(() => call(alpha.key, "jobs")))), // 4 × 200
  ];
  sent.push(await call(beta.key, "drivers"), await call(beta.key, "drivers")); // 2 × 403 (no read:drivers)
  for (let i = 0; i < 4; i++) sent.push(await call(alpha.key, "jobs")); // 4 × 200: 10 of 10 used
  sent.push(await call(beta.key, "jobs"), await call(beta.key, "jobs")); // 2 × 429
  expect(sent.map((s) => s.status)).toEqual([200, 200, 200, 200, 403, 403, 200, 200, 200, 200, 429, 429]);

  const page = await context.newPage();
  await signInAs(page, "northAdmin");
  const usage = new UsagePage(page);
  // The request log is written about once a second: reload until the last request is in.
  await expect(async () => {
    await usage.goto(north);
    await expect(usage.total("Requests")).toHaveText("12", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(usage.total("Errors")).toHaveText("4");
  await expect(usage.total("Rate limited")).toHaveText("2");
  const byKey = page.getByRole("table", { name: "Requests per key and vendor" });
  await expect(byKey.getByRole("row", { name: /Alpha/ })).toContainText("8");
  await expect(byKey.getByRole("row", { name: /Beta/ })).toContainText(/4\s*4/);
  await expect(page.getByRole("figure", { name: "Error codes" })).toContainText("INSUFFICIENT_SCOPE: 2, RATE_LIMITED: 2");
  // Headroom: the direct keys share one budget, spent in full (the two 429s are not counted as use).
  const direct = usage.headroom.getByRole("listitem").filter({ hasText: "Direct API keys" });
  await expect(direct.getByTestId("headroom-used")).toContainText(`${LIMIT} / ${LIMIT} used`);
  await expect(direct).toContainText("Over 80 % used");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "usage-overview");

  const log = new RequestLogPage(page);
  await log.goto(north);
  await expect(log.rows).toHaveCount(12);
  await log.filter({ key: `Beta (${beta.prefix})` });
  await expect(log.rows).toHaveCount(4);
  await log.goto(north, { status: "429" });
  await expect(log.rows).toHaveCount(2);
  await expect(log.rows.first()).toContainText("RATE_LIMITED");
  await log.goto(north, { status: "403", apiKeyId: beta.id });
  await expect(log.rows).toHaveCount(2);
  await expect(log.rows.first()).toContainText("INSUFFICIENT_SCOPE");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "request-log");

  // A request id pasted from an error finds exactly that request, with every recorded field.
  const pasted = sent[5];
  await log.goto(north);
  await log.filter({ requestId: pasted?.requestId ?? "" });
  await expect(log.rows).toHaveCount(1);
  await expect(log.detail).toContainText(pasted?.requestId ?? "missing");
  await expect(log.detail).toContainText("INSUFFICIENT_SCOPE");
  await expect(log.detail).toContainText("/api/v1/drivers");
  await expect(log.detail).toContainText("not recorded");
  await expectNoSeriousA11yViolations(page);
  await snap(page, "request-log-detail");
  await context.close();
});

test("request log filters by method, path and time find exactly the matching requests", async ({ browser }) => {
  const gamma = await klau<{ key: string }>(["keys", "create", "--company", north, "--name", "Gamma", "--scopes", "read:jobs,write:jobs"], server.env);
  const context = await browser.newContext({ baseURL: server.baseURL });
  const headers = { authorization: `Bearer ${gamma.key}` };
  // The company's direct budget is spent: these are refused with 429, and logged with their method and path.
  expect((await context.request.post("/api/v1/jobs", { headers, data: {} })).status()).toBe(429);
  expect((await context.request.post("/api/v1/jobs", { headers, data: {} })).status()).toBe(429);
  expect((await context.request.get("/api/v1/trucks", { headers })).status()).toBe(429);

  const page = await context.newPage();
  await signInAs(page, "northAdmin");
  const log = new RequestLogPage(page);
  await expect(async () => {
    await log.goto(north);
    await expect(log.rows).toHaveCount(15, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  await log.filter({ method: "POST" });
  await expect(page).toHaveURL(/method=POST/);
  await expect(log.rows).toHaveCount(2);
  for (const row of await log.rows.all()) await expect(row).toContainText("POST");
  await expect(page.getByLabel("Method"), "the form keeps the filter").toHaveValue("POST");

  await log.goto(north);
  await log.filter({ path: "/api/v1/drivers" });
  await expect(log.rows).toHaveCount(2);
  await expect(log.rows.first()).toContainText("INSUFFICIENT_SCOPE");
  await log.goto(north, { method: "GET", path: "/api/v1/jobs" });
  await expect(log.rows).toHaveCount(10); // Alpha's 8 and Beta's 2 rate-limited GET /jobs
  await log.goto(north, { path: "/api/v1/trucks" });
  await expect(log.rows).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "request-log-filter-path");

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await log.goto(north);
  await log.filter({ from: day(0) });
  await expect(log.rows).toHaveCount(15);
  await log.goto(north);
  await log.filter({ to: day(0) });
  await expect(log.rows).toHaveCount(1);
  await expect(log.rows.first()).toHaveText("No requests match these filters.");
  await log.goto(north, { from: day(1) });
  await expect(log.rows.first()).toHaveText("No requests match these filters.");
  await log.goto(north, { from: day(-1), to: day(1), method: "POST" });
  await expect(log.rows).toHaveCount(2);
  await snap(page, "request-log-filter-time");
  await context.close();
});
