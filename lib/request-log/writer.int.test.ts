import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { RequestLogEntry } from "./buffer";
import { requestLogWriter } from "./writer";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.cleanup();
});

it("writes a batch with every column, nulls, awkward text and the exact timestamps intact", async () => {
  const company = await testDb.db.company.create({ data: { name: "Logged" } });
  const at = new Date("2026-03-15T08:30:00.123Z");
  const entries: RequestLogEntry[] = [
    {
      apiKeyId: "key-1",
      consoleUserId: null,
      companyId: company.id,
      vendorId: null,
      method: "GET",
      path: "/api/v1/jobs",
      status: 200,
      durationMs: 4,
      requestId: "req-1",
      errorCode: null,
      scope: "read:jobs",
      createdAt: at,
    },
    {
      apiKeyId: null,
      consoleUserId: "user-1",
      companyId: null,
      vendorId: "vendor-1",
      method: "POST",
      path: "/api/v1/jobs?x='1'",
      status: 422,
      durationMs: 12,
      requestId: "req-2",
      errorCode: "VALIDATION_ERROR",
      scope: "write:jobs",
      createdAt: new Date(at.getTime() + 1),
    },
    {
      apiKeyId: null,
      consoleUserId: null,
      companyId: null,
      vendorId: null,
      method: "GET",
      path: '/a,"b"\\n\nc/é',
      status: 404,
      durationMs: 0,
      requestId: "req-3",
      errorCode: "NOT_FOUND",
      scope: null,
      createdAt: at,
    },
    {
      apiKeyId: null,
      consoleUserId: null,
      companyId: null,
      vendorId: null,
      method: "GET",
      path: "",
      status: 400,
      durationMs: 1,
      requestId: "req-4",
      errorCode: "BAD_REQUEST",
      scope: null,
      createdAt: at,
    },
  ];
  await requestLogWriter(testDb.db).insert(entries);
  const rows = await testDb.db.apiRequestLog.findMany({ orderBy: { requestId: "asc" } });
  expect(rows.map(({ id: _id, ...row }) => row)).toEqual(entries);
});

it("writes a batch of several slices whole (more entries than one turn of the event loop serializes)", async () => {
  const at = new Date("2026-12-02T10:00:00.000Z");
  const entries: RequestLogEntry[] = Array.from({ length: 1_201 }, (_, n) => ({
    apiKeyId: null,
    consoleUserId: null,
    companyId: null,
    vendorId: null,
    method: "GET",
    path: "/api/v1/jobs",
    status: 200,
    durationMs: n,
    requestId: `slice-${n}`,
    errorCode: null,
    scope: "read:jobs",
    createdAt: at,
  }));
  await requestLogWriter(testDb.db).insert(entries);
  const rows = await testDb.db.apiRequestLog.findMany({ where: { requestId: { startsWith: "slice-" } }, select: { requestId: true, durationMs: true } });
  expect(rows).toHaveLength(1_201);
  expect(new Set(rows.map((r) => r.requestId)).size).toBe(1_201);
  expect(rows.every((r) => r.requestId === `slice-${r.durationMs}`)).toBe(true);
});
