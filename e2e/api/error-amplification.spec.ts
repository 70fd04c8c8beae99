import { expect, test } from "@playwright/test";
import { auth, newCompany, newKey } from "./pipeline-fixtures";
import { expectApiError } from "./security-suite";

// Fixtures go through the operator CLI (a process per call): allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

// The attack test: a 979 KB body of 90 000 unknown fields got a 3.95 MB 400 answer, kept 24 h by
// the idempotency store. Now at most 20 fields are listed (and each path at most 200 characters).
test("a body of 90 000 unknown fields gets a small 400, and that small answer is what an Idempotency-Key replays", async ({ request }) => {
  const { key } = await newKey({ company: await newCompany("Amplification") }, ["write:jobs"]);
  const body = `{${Array.from({ length: 90_000 }, (_, i) => `"f${i}":0`).join(",")}}`;
  expect(body.length).toBeGreaterThan(900_000);
  const headers = auth(key, { "content-type": "application/json", "idempotency-key": `amp-${Date.now()}` });
  const first = await request.post("/api/v1/jobs", { headers, data: Buffer.from(body) });
  const error = await expectApiError(first, 400, "VALIDATION_ERROR");
  const text = await first.text();
  expect(text.length).toBeLessThan(8_000);
  expect(error.fields).toHaveLength(20);
  expect(error.moreFields).toBeGreaterThan(89_000);

  const replay = await request.post("/api/v1/jobs", { headers, data: Buffer.from(body) });
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await replay.text()).toBe(text);
});

test("a 900 KB field name is not echoed back whole", async ({ request }) => {
  const { key } = await newKey({ company: await newCompany("Amplification name") }, ["write:jobs"]);
  const response = await request.post("/api/v1/jobs", {
    headers: auth(key, { "content-type": "application/json" }),
    data: Buffer.from(JSON.stringify({ ["k".repeat(900_000)]: 1 })),
  });
  await expectApiError(response, 400, "VALIDATION_ERROR");
  expect((await response.text()).length).toBeLessThan(4_000);
});
