import { expect, test } from "@playwright/test";
import { auth, newCompany, newKey } from "./pipeline-fixtures";
import { expectApiError } from "./security-suite";

// Fixtures go through the operator CLI (a process per call): allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

test.describe("GET /api/v1/usage", () => {
  test("counts this tenant's requests by day and status, and nobody else's", async ({ request }) => {
    const corp = await newCompany("Usage corp");
    const [divA, divB] = await Promise.all([newCompany("Usage A", corp), newCompany("Usage B", corp)]);
    const [a, b] = await Promise.all([newKey({ company: divA }, ["read:all"]), newKey({ company: divB }, ["read:all"])]);
    for (let i = 0; i < 3; i++) expect((await request.get("/api/v1/companies/current", { headers: auth(a.key) })).status()).toBe(200);
    for (let i = 0; i < 2; i++) expect((await request.get("/api/v1/no-such-thing", { headers: auth(a.key) })).status()).toBe(404);
    for (let i = 0; i < 4; i++) await request.get("/api/v1/companies/current", { headers: auth(b.key) });

    const today = new Date().toISOString().slice(0, 10);
    // The request log is written in batches about once a second.
    await expect
      .poll(
        async () => {
          const response = await request.get(`/api/v1/usage?from=${today}&to=${today}`, { headers: auth(a.key) });
          const body = await response.json();
          return body.data.days.find((d: { date: string }) => d.date === today)?.byStatus ?? null;
        },
        { timeout: 15_000 },
      )
      .toMatchObject({ "200": expect.any(Number), "404": 2 });
    const final = (await (await request.get(`/api/v1/usage?from=${today}&to=${today}`, { headers: auth(a.key) })).json()).data;
    expect(final).toMatchObject({ from: today, to: today });
    // 3 companies/current + the usage polls so far, all division A's; division B's 4 are not here.
    expect(final.days[0].byStatus["200"]).toBeGreaterThanOrEqual(3);
    expect(final.total).toBe(final.days[0].total);
    const bUsage = (await (await request.get(`/api/v1/usage?from=${today}&to=${today}`, { headers: auth(b.key) })).json()).data;
    expect(bUsage.days[0]?.byStatus["404"]).toBeUndefined();
  });

  test("validates from/to", async ({ request }) => {
    const { key } = await newKey({ company: await newCompany("Usage validation") }, ["read:usage"]);
    const error = await expectApiError(await request.get("/api/v1/usage?from=yesterday", { headers: auth(key) }), 400, "VALIDATION_ERROR");
    expect(JSON.stringify(error.fields)).toContain("query.from");
    await expectApiError(await request.get("/api/v1/usage?from=2026-03-10&to=2026-03-01", { headers: auth(key) }), 400, "BAD_REQUEST");
    const empty = await request.get("/api/v1/usage?from=2020-01-01&to=2020-01-31", { headers: auth(key) });
    const quiet = (await empty.json()).data;
    expect(quiet).toMatchObject({ from: "2020-01-01", to: "2020-01-31", granularity: "day", total: 0, days: [], endpoints: [], errorCodes: [] });
    expect(quiet.series).toHaveLength(31);
    expect(quiet.series.every((p: { total: number }) => p.total === 0)).toBe(true);
    await expectApiError(await request.get("/api/v1/usage?range=90d", { headers: auth(key) }), 400, "VALIDATION_ERROR");
    await expectApiError(await request.get("/api/v1/usage?range=7d&from=2026-03-01", { headers: auth(key) }), 400, "BAD_REQUEST");
  });
});
