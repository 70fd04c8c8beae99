import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO } from "../../lib/db/demo";
import { E2E_PORT } from "../env";
import { klau } from "../fixtures/cli";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";
import { AuditPage, RequestLogPage } from "../pages/usage-pages";

/**
 * Retention as an operator meets it: the app's own purge timer, and `npm run klau -- maintenance
 * purge`, each with the retention of the process that runs it. Old rows are written beside the
 * running app with SQL, which only PostgreSQL allows (the embedded database has one owning process,
 * and nothing in the app writes a row dated in the past).
 *
 * The app keeps the request log 20 days and audit events 60 days, and purges every 3 s; the CLI
 * runs with 7 and 30 days. Rows 25 / 90 days old are the timer's; rows 10 / 40 days old only the
 * CLI's; the requests made now stay.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });
test.skip(!process.env.TEST_DATABASE_URL, "needs PostgreSQL (TEST_DATABASE_URL): old rows are written beside the running app");

const north = DEMO.companies.north.id;
const DAY_MS = 86_400_000;
const tag = randomUUID().slice(0, 8);
let server: OwnServer;
let db: pg.Client;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startOwnServer(E2E_PORT + 30, { KLAU_REQUEST_LOG_DAYS: "20", KLAU_AUDIT_DAYS: "60", KLAU_PURGE_INTERVAL_MINUTES: "0.05" });
  db = new pg.Client({ connectionString: server.env.DATABASE_URL });
  await db.connect();
});
test.afterAll(async () => {
  await db?.end();
  await server?.stop();
});

async function oldRequests(daysAgo: number, count: number, label: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db.query(
      `INSERT INTO "ApiRequestLog" ("companyId", "method", "path", "status", "durationMs", "requestId", "scope", "createdAt")
       VALUES ($1, 'GET', '/api/v1/jobs', 200, 3, $2, 'read:jobs', $3)`,
      [north, `req_${label}_${tag}_${i}`, new Date(Date.now() - daysAgo * DAY_MS - i * 1000)],
    );
  }
}

async function oldAudit(daysAgo: number, label: string): Promise<void> {
  await db.query(
    `INSERT INTO "AuditEvent" ("id", "actorLabel", "action", "targetType", "targetId", "companyId", "createdAt") VALUES ($1, 'cli', 'api_key.created', 'api_key', $2, $3, $4)`,
    [randomUUID(), `${label}-${tag}`, north, new Date(Date.now() - daysAgo * DAY_MS)],
  );
}

const requestIds = async () =>
  (await db.query<{ requestId: string }>(`SELECT "requestId" FROM "ApiRequestLog" WHERE "requestId" LIKE $1`, [`req_%_${tag}_%`])).rows.map(
    (r) => r.requestId.split("_")[1],
  );
const auditTargets = async () =>
  (await db.query<{ targetId: string }>(`SELECT "targetId" FROM "AuditEvent" WHERE "targetId" LIKE $1`, [`%-${tag}`])).rows.map(
    (r) => r.targetId.split("-")[0],
  );

test("the app's timer purges only what is older than its retention; the CLI, with its own retention, purges the rest; a user sees only the recent rows", async ({
  browser,
}) => {
  const key = await klau<{ id: string; key: string }>(["keys", "create", "--company", north, "--name", `purge-${tag}`, "--scopes", "read:jobs"], server.env);
  const context = await browser.newContext({ baseURL: server.baseURL });
  for (let i = 0; i < 2; i++) expect((await context.request.get("/api/v1/jobs", { headers: { authorization: `Bearer ${key.key}` } })).status()).toBe(200);

  await oldRequests(25, 3, "timer");
  await oldRequests(10, 4, "cli");
  await oldAudit(90, "timer");
  await oldAudit(40, "cli");

  // The timer (every 3 s here) removes the rows past the app's retention, and only those.
  await expect.poll(requestIds, { timeout: 60_000, message: "the timer purged the 25-day-old requests" }).toEqual(["cli", "cli", "cli", "cli"]);
  await expect.poll(auditTargets, { timeout: 30_000 }).toEqual(["cli"]);

  const result = await klau<{ requestLog: number; audit: number; requestLogBefore: string; auditBefore: string }>(["maintenance", "purge"], {
    ...server.env,
    KLAU_REQUEST_LOG_DAYS: "7",
    KLAU_AUDIT_DAYS: "30",
  });
  expect(result).toMatchObject({ requestLog: 4, audit: 1 });
  expect(Date.parse(result.requestLogBefore)).toBeLessThanOrEqual(Date.now() - 7 * DAY_MS);
  expect(await requestIds()).toEqual([]);
  expect(await auditTargets()).toEqual([]);

  // What North's admin sees: the two requests made now (the log is written in batches), and the key's creation in the audit log.
  const page = await context.newPage();
  await signInAs(page, "northAdmin");
  const log = new RequestLogPage(page);
  await expect(async () => {
    await log.goto(north, { apiKeyId: key.id });
    await expect(log.rows).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await log.goto(north, { from: new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10) });
  await expect(log.rows).toHaveCount(2);
  await snap(page, "request-log-after-purge");
  const audit = new AuditPage(page);
  await audit.goto(north, { target: key.id });
  await expect(audit.rows).toHaveCount(1);
  await expect(audit.rows.first()).toContainText("api_key.created");
  await context.close();
});
