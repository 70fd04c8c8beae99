import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { requestLogWriter } from "@/lib/request-log/writer";
import { retentionFromEnv } from "./config";
import { purgeExpired } from "./purge";

let t: TestDatabase;
let tenant: string;
const now = new Date("2026-06-01T12:30:00Z");
const daysAgo = (d: number, extraMs = 0) => new Date(now.getTime() - d * 86_400_000 + extraMs);

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = (await t.db.company.create({ data: { name: "Retained" } })).id;
});
afterAll(async () => {
  await t?.cleanup();
});

async function audit(createdAt: Date, action: string) {
  await t.db.auditEvent.create({ data: { actorLabel: "cli", action, targetType: "test", companyId: tenant, createdAt } });
}

describe("audit events are append-only", () => {
  it("UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    await audit(daysAgo(1), "append.only");
    await expect(t.db.auditEvent.updateMany({ where: { action: "append.only" }, data: { actorLabel: "someone else" } })).rejects.toThrow(
      /cannot be changed or deleted/,
    );
    await expect(t.db.auditEvent.deleteMany({ where: { action: "append.only" } })).rejects.toThrow(/cannot be changed or deleted/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/cannot be changed or deleted/);
    expect(await t.db.auditEvent.count({ where: { action: "append.only", actorLabel: "cli" } })).toBe(1);
  });

  it("the purge's exception reaches only rows older than its cutoff", async () => {
    await audit(daysAgo(2), "recent.one");
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('klau.audit_purge_before', ${daysAgo(400).toISOString()}, true)`;
        return tx.auditEvent.deleteMany({ where: { action: "recent.one" } });
      }),
    ).rejects.toThrow(/cannot be changed or deleted/);
    expect(await t.db.auditEvent.count({ where: { action: "recent.one" } })).toBe(1);
  });
});

describe("purgeExpired", () => {
  it("removes only rows older than the retention, in batches; the newest stay", async () => {
    const writer = requestLogWriter(t.db);
    const row = (createdAt: Date, requestId: string) => ({
      apiKeyId: "k",
      consoleUserId: null,
      companyId: tenant,
      vendorId: null,
      method: "GET",
      path: "/api/v1/jobs",
      status: 200,
      durationMs: 3,
      requestId,
      errorCode: null,
      scope: "read:jobs",
      createdAt,
    });
    // Request log retention 30 days: the cutoff is the hour boundary at or before now − 30 days.
    await writer.insert([
      ...Array.from({ length: 7 }, (_, i) => row(daysAgo(45, i), `old-${i}`)),
      row(daysAgo(30, -31 * 60_000), "just-before-cutoff-hour"),
      row(daysAgo(30, 60_000), "just-inside"),
      row(daysAgo(1), "new"),
    ]);
    await audit(daysAgo(366), "old.audit");
    await audit(daysAgo(364), "kept.audit");

    const result = await purgeExpired(t.db, retentionFromEnv({}), { now, batchSize: 3, pauseMs: 0 });
    expect(result).toMatchObject({ requestLog: 8, audit: 1, requestLogBefore: "2026-05-02T12:00:00.000Z" });
    const left = await t.db.apiRequestLog.findMany({ where: { companyId: tenant }, orderBy: { createdAt: "asc" } });
    expect(left.map((r) => r.requestId)).toEqual(["just-inside", "new"]);
    const [rolled] = await t.db.$queryRaw<{ n: number }[]>`SELECT coalesce(sum("count"), 0)::int AS n FROM "ApiUsageHourly" WHERE "companyId" = ${tenant}`;
    expect(rolled?.n).toBe(2);
    expect(await t.db.auditEvent.count({ where: { action: "old.audit" } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "kept.audit" } })).toBe(1);

    expect(await purgeExpired(t.db, retentionFromEnv({}), { now, pauseMs: 0 })).toMatchObject({ requestLog: 0, usageHourly: 0, usageDaily: 0, audit: 0 });
  });

  it("KLAU_REQUEST_LOG_DAYS / KLAU_AUDIT_DAYS change the retention; bad values are refused", () => {
    expect(retentionFromEnv({ KLAU_REQUEST_LOG_DAYS: "7", KLAU_AUDIT_DAYS: "90" })).toEqual({ requestLogDays: 7, auditDays: 90 });
    expect(retentionFromEnv({})).toEqual({ requestLogDays: 30, auditDays: 365 });
    expect(() => retentionFromEnv({ KLAU_AUDIT_DAYS: "0" })).toThrow(/KLAU_AUDIT_DAYS/);
    expect(() => retentionFromEnv({ KLAU_REQUEST_LOG_DAYS: "1.5" })).toThrow(/KLAU_REQUEST_LOG_DAYS/);
  });
});
