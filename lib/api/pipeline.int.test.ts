import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { prismaIdempotencyStore } from "@/lib/idempotency/prisma-store";
import { finishIdempotent, startIdempotent } from "@/lib/idempotency/protocol";
import { generateApiKey } from "@/lib/keys/format";
import { requestLogWriter } from "@/lib/request-log/writer";
import { usageRange } from "@/lib/request-log/range";
import { usageReport } from "@/lib/request-log/usage";
import { findKeyByHash, findPartnership } from "./lookups";

let test: TestDatabase;
let db: Db;
let companyId: string;
let vendorId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.db;
  const corp = await db.company.create({ data: { name: "Int Corp" } });
  companyId = (await db.company.create({ data: { name: "Int Division", parentId: corp.id } })).id;
  vendorId = (await db.vendor.create({ data: { name: "Int Vendor" } })).id;
});

afterAll(async () => {
  await test?.cleanup();
});

describe("lookups", () => {
  it("finds a key by hash with its company, and nothing for an unknown hash", async () => {
    const key = generateApiKey();
    await db.apiKey.create({
      data: { kind: "DIRECT", companyId, name: "k", prefix: key.prefix, last4: key.last4, hash: key.hash, scopes: ["read:all"] },
    });
    const found = await findKeyByHash(db, key.hash);
    expect(found).toMatchObject({ kind: "DIRECT", companyId, scopes: ["read:all"], revokedAt: null, company: { id: companyId, name: "Int Division" } });
    expect(await findKeyByHash(db, generateApiKey().hash)).toBeNull();
  });

  it("finds a partnership with its status, scopes and company", async () => {
    await db.partnership.create({ data: { vendorId, companyId, status: "SUSPENDED", scopes: ["read:jobs"] } });
    expect(await findPartnership(db, vendorId, companyId)).toMatchObject({ status: "SUSPENDED", scopes: ["read:jobs"], company: { id: companyId } });
    expect(await findPartnership(db, vendorId, vendorId)).toBeNull();
  });
});

describe("idempotency store on a real database", () => {
  const scope = { identity: `company:x`, tenantId: "t", key: "k", fingerprint: "f" };

  it("50 concurrent claims → exactly one winner (the unique index is the lock)", async () => {
    const store = prismaIdempotencyStore(db);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => startIdempotent(store, scope)));
    expect(results.filter((r) => r.status === "fulfilled" && r.value.kind === "execute")).toHaveLength(1);
    expect(await db.idempotencyRecord.count({ where: { key: "k" } })).toBe(1);
  });

  it("stores, replays, releases 5xx and purges expired rows", async () => {
    const store = prismaIdempotencyStore(db);
    const s = { ...scope, key: "k2" };
    const first = await startIdempotent(store, s);
    if (first.kind !== "execute") throw new Error("expected execute");
    const response = { status: 201, body: '{"data":{"id":"1"}}', headers: { location: "/api/v1/jobs/1" } };
    await finishIdempotent(store, first.recordId, response);
    expect(await startIdempotent(store, s)).toEqual({ kind: "replay", response });

    const s3 = { ...scope, key: "k3" };
    const third = await startIdempotent(store, s3);
    if (third.kind !== "execute") throw new Error("expected execute");
    await finishIdempotent(store, third.recordId, { status: 500, body: "{}", headers: {} });
    expect(await db.idempotencyRecord.count({ where: { key: "k3" } })).toBe(0);

    await db.idempotencyRecord.updateMany({ where: { key: "k2" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await store.purgeExpired(new Date())).toBeGreaterThanOrEqual(1);
    expect(await db.idempotencyRecord.count({ where: { key: "k2" } })).toBe(0);
  });
});

describe("request log writer and usage", () => {
  it("writes a batch, touches lastUsedAt, and usage groups by day and status for one tenant", async () => {
    const key = await db.apiKey.findFirstOrThrow({ where: { companyId } });
    const writer = requestLogWriter(db);
    const at = (iso: string) => new Date(iso);
    const entry = (status: number, createdAt: Date, tenant: string | null = companyId) => ({
      apiKeyId: key.id,
      consoleUserId: null,
      companyId: tenant,
      vendorId: null,
      method: "GET",
      path: "/api/v1/jobs",
      status,
      durationMs: 3,
      requestId: `req_${Math.random()}`,
      errorCode: status === 200 ? null : "NOT_FOUND",
      scope: "read:jobs",
      createdAt,
    });
    await writer.insert([
      entry(200, at("2026-03-14T23:59:59Z")),
      entry(200, at("2026-03-15T00:00:00Z")),
      entry(200, at("2026-03-15T10:00:00Z")),
      entry(404, at("2026-03-15T11:00:00Z")),
      entry(200, at("2026-03-15T11:00:00Z"), null),
      entry(200, at("2026-03-15T11:00:00Z"), vendorId),
    ]);
    await writer.touchKeys(new Map([[key.id, at("2026-03-15T11:00:00Z")]]));
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(at("2026-03-15T11:00:00Z"));
    // An older batch never moves lastUsedAt backwards.
    await writer.touchKeys(new Map([[key.id, at("2026-03-01T00:00:00Z")]]));
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(at("2026-03-15T11:00:00Z"));

    const scope = { kind: "company", companyId, includeDivisions: false } as const;
    const report = await usageReport(db, scope, usageRange({ from: "2026-03-14", to: "2026-03-15" }));
    expect(report).toMatchObject({ from: "2026-03-14", to: "2026-03-15", granularity: "day", total: 4 });
    expect(report.days).toEqual([
      { date: "2026-03-14", total: 1, byStatus: { "200": 1 } },
      { date: "2026-03-15", total: 3, byStatus: { "200": 2, "404": 1 } },
    ]);
  });
});
