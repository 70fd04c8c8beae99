import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { RequestLogEntry } from "./buffer";
import { requestLogWriter } from "./writer";
import { recentRequests } from "./recent";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.cleanup();
});

it("names each request's caller: the key, the vendor, or Console (email) for a console session; one tenant only", async () => {
  const { db } = testDb;
  const [company, other] = await Promise.all([db.company.create({ data: { name: "Logged" } }), db.company.create({ data: { name: "Other" } })]);
  const vendor = await db.vendor.create({ data: { name: "RouteCo" } });
  const user = await db.user.create({ data: { email: "admin@logged.test", name: "Admin", passwordHash: "x" } });
  const key = await db.apiKey.create({
    data: { kind: "DIRECT", companyId: company.id, name: "Production", prefix: "kl_live_abcd", last4: "wxyz", hash: "h1", scopes: ["read:jobs"] },
  });
  const at = (s: number) => new Date(Date.UTC(2026, 2, 15, 8, 0, s));
  const entry = (over: Partial<RequestLogEntry>, second: number): RequestLogEntry => ({
    apiKeyId: null,
    consoleUserId: null,
    companyId: company.id,
    vendorId: null,
    method: "GET",
    path: "/api/v1/jobs",
    status: 200,
    durationMs: 3,
    requestId: `req-${second}`,
    errorCode: null,
    scope: null,
    createdAt: at(second),
    ...over,
  });
  await requestLogWriter(db).insert([
    entry({ apiKeyId: key.id }, 1),
    entry({ consoleUserId: user.id }, 2),
    entry({ consoleUserId: user.id, vendorId: vendor.id }, 3),
    entry({ vendorId: vendor.id }, 4),
    entry({ status: 401 }, 5),
    entry({ companyId: other.id, consoleUserId: user.id }, 6),
  ]);
  const rows = await recentRequests(db, { companyId: company.id, limit: 10 });
  expect(rows.map((r) => [r.requestId, r.caller])).toEqual([
    ["req-5", "No valid key"],
    ["req-4", "RouteCo"],
    ["req-3", "Console (admin@logged.test)"],
    ["req-2", "Console (admin@logged.test)"],
    ["req-1", 'Key "Production"'],
  ]);
});
