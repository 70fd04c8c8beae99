import { expect, test } from "@playwright/test";
import { DEMO } from "../../lib/db/demo";
import { auth, newKey } from "../api/pipeline-fixtures";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { snap } from "../fixtures/screenshots";
import { signInAs } from "../fixtures/session";
import { KeysPage } from "../pages/keys-page";

const north = DEMO.companies.north;
test.describe.configure({ timeout: 120_000 });

test("the key list shows each key's requests in 30 days with a sparkline, counting exactly the calls made", async ({ page, request }) => {
  const busy = await newKey({ company: north.id }, ["read:jobs"], "sparkline-busy");
  const idle = await newKey({ company: north.id }, ["read:jobs"], "sparkline-idle");
  for (let i = 0; i < 3; i++) expect((await request.get("/api/v1/jobs", { headers: auth(busy.key) })).status()).toBe(200);
  expect((await request.get("/api/v1/drivers", { headers: auth(busy.key) })).status()).toBe(403);

  await signInAs(page, "northAdmin");
  const keys = new KeysPage(page);
  const usage = (id: string) => keys.rows.filter({ has: page.locator(`a[href$="/keys/${id}"]`) }).getByTestId("key-usage-30d");
  // The request log is written in batches, then rolled up: reload until the four calls are counted.
  await expect(async () => {
    await keys.goto(north.id, "?q=sparkline-");
    await expect(usage(busy.id)).toHaveText("4 requests in 30 days, at most 4 in a day", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(usage(idle.id)).toHaveText("0 requests in 30 days");
  await expect(page.getByRole("columnheader", { name: "Requests, 30 days" })).toBeVisible();
  const busyRow = keys.rows.filter({ has: page.locator(`a[href$="/keys/${busy.id}"]`) });
  await expect(busyRow.locator("svg.recharts-surface"), "the sparkline is drawn").toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await snap(page, "keys-list-sparklines");
});
