import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { checkKeyFormat, hashKey } from "@/lib/keys/format";
import { runCli } from "./run";

let testDb: TestDatabase;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await testDb?.cleanup();
});

type Envelope = { data?: unknown; error?: { code: string; message: string } & Record<string, unknown> };

async function cli(...argv: string[]) {
  const result = await runCli(argv, { db, actor: CLI_ACTOR });
  return { ...result, body: JSON.parse(result.output) as Envelope };
}

async function data<T = Record<string, unknown>>(...argv: string[]): Promise<T> {
  const { exitCode, body, stderr } = await cli(...argv);
  expect(body.error, `${argv.join(" ")}: ${stderr}`).toBeUndefined();
  expect(exitCode).toBe(0);
  return body.data as T;
}

type Row = Record<string, unknown> & { id: string };

describe("operator commands (happy paths)", () => {
  let corp: Row;
  let division: Row;
  let vendor: Row;

  it("companies create / list, with a division", async () => {
    corp = await data<Row>("companies", "create", "--name", "  Bravo Hauling ");
    expect(corp).toMatchObject({ name: "Bravo Hauling", parentId: null });
    division = await data<Row>("companies", "create", "--name", "Bravo East", "--parent", corp.id);
    expect(division).toMatchObject({ name: "Bravo East", parentId: corp.id });
    const all = await data<Row[]>("companies", "list");
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([corp.id, division.id]));
    expect(await data<Row[]>("companies", "list", "--parent", corp.id)).toEqual([expect.objectContaining({ id: division.id })]);
  });

  it("vendors create / list", async () => {
    vendor = await data<Row>("vendors", "create", "--name", "Route Co");
    expect(Object.keys(vendor).sort()).toEqual(["createdAt", "id", "name"]);
    expect((await data<Row[]>("vendors", "list")).map((v) => v.id)).toContain(vendor.id);
  });

  it("users create for a company, a vendor and an operator; list hides the hash", async () => {
    const admin = await data<Row>("users", "create", "--email", "Admin@Bravo.test", "--password", "longenough", "--company", division.id, "--role", "admin");
    expect(admin).toMatchObject({ email: "admin@bravo.test", memberships: [{ companyId: division.id, role: "admin" }], isOperator: false });
    const stored = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    const dev = await data<Row>("users", "create", "--email", "dev@route.test", "--password", "longenough", "--vendor", vendor.id, "--name", "Dev");
    expect(dev).toMatchObject({ vendorId: vendor.id, name: "Dev", memberships: [] });
    const op = await data<Row>("users", "create", "--email", "ops@klau.test", "--password", "longenough", "--operator");
    expect(op).toMatchObject({ isOperator: true });
    const listed = await data<Row[]>("users", "list", "--company", division.id);
    expect(listed.map((u) => u.id)).toEqual([admin.id]);
    expect(JSON.stringify(await data("users", "list"))).not.toContain("$2");
    expect((await data<Row[]>("users", "list", "--operators")).map((u) => u.id)).toEqual([op.id]);
  });

  it("users create refuses a duplicate email (any case) with CONFLICT", async () => {
    const { exitCode, body } = await cli("users", "create", "--email", "ADMIN@bravo.test", "--password", "longenough", "--operator");
    expect(exitCode).toBe(1);
    expect(body.error?.code).toBe("CONFLICT");
  });

  it("keys create prints the secret once; list shows prefix/last4 and never the secret", async () => {
    const created = await data<Row & { key: string; scopes: string[] }>(
      "keys",
      "create",
      "--company",
      division.id,
      "--name",
      "Dispatch sync",
      "--scopes",
      "read:jobs, write:dispatches,read:jobs",
      "--expires-in-days",
      "30",
    );
    expect(checkKeyFormat(created.key)).toBe("ok");
    expect(created).toMatchObject({
      name: "Dispatch sync",
      kind: "direct",
      companyId: division.id,
      scopes: ["read:jobs", "write:dispatches"],
      status: "active",
    });
    expect(created.key.startsWith(String(created.prefix))).toBe(true);
    expect(created.key.endsWith(String(created.last4))).toBe(true);
    const days = (Date.parse(String(created.expiresAt)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.hash).toBe(hashKey(created.key));

    const listed = await data<Row[]>("keys", "list", "--company", division.id);
    expect(listed).toEqual([
      expect.objectContaining({ id: created.id, prefix: created.prefix, last4: created.last4, status: "active", lastUsedAt: null, revokedAt: null }),
    ]);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(stored.hash);
    expect(listed[0]).not.toHaveProperty("key");
  });

  it("vendor keys accept wildcards; keys revoke is idempotent and audited once", async () => {
    const key = await data<Row>("keys", "create", "--vendor", vendor.id, "--name", "Prod", "--scopes", "read:*,write:dispatches");
    expect(key).toMatchObject({ kind: "vendor", vendorId: vendor.id, companyId: null, expiresAt: null });
    const first = await data<Row>("keys", "revoke", key.id);
    expect(first).toMatchObject({ id: key.id, status: "revoked" });
    expect(first.revokedAt).toEqual(expect.any(String));
    const second = await data<Row>("keys", "revoke", key.id);
    expect(second.revokedAt).toBe(first.revokedAt);
    const events = await db.auditEvent.findMany({ where: { action: "api_key.revoked", targetId: key.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: "cli", vendorId: vendor.id });
    const listed = await data<Row[]>("keys", "list", "--vendor", vendor.id);
    expect(listed.find((k) => k.id === key.id)).toMatchObject({ status: "revoked" });
  });

  it("keys roll issues a new secret with the same scopes and revokes the old key", async () => {
    const old = await data<Row & { key: string }>(
      "keys",
      "create",
      "--company",
      corp.id,
      "--name",
      "Rolling",
      "--scopes",
      "read:all",
      "--expires-in-days",
      "10",
    );
    const rolled = await data<Row & { key: string }>("keys", "roll", old.id);
    expect(rolled).toMatchObject({ name: "Rolling", scopes: ["read:all"], companyId: corp.id, replacesKeyId: old.id, status: "active" });
    expect(rolled.key).not.toBe(old.key);
    expect(await data<Row>("keys", "list", "--company", corp.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: old.id, status: "revoked" }), expect.objectContaining({ id: rolled.id, status: "active" })]),
    );
    const again = await cli("keys", "roll", old.id);
    expect(again.body.error?.code).toBe("CONFLICT");
  });

  it("partnerships create / list / update / revoke", async () => {
    const p = await data<Row>("partnerships", "create", "--vendor", vendor.id, "--company", division.id, "--scopes", "read:jobs,read:drivers");
    expect(p).toMatchObject({ status: "active", scopes: ["read:jobs", "read:drivers"], vendorId: vendor.id, companyId: division.id });
    const pending = await data<Row>("partnerships", "create", "--vendor", vendor.id, "--company", corp.id, "--scopes", "read:jobs", "--status", "pending");
    expect(pending.status).toBe("pending");

    const dup = await cli("partnerships", "create", "--vendor", vendor.id, "--company", division.id, "--scopes", "read:jobs");
    expect(dup.exitCode).toBe(1);
    expect(dup.body.error).toMatchObject({ code: "CONFLICT", partnershipId: p.id });

    expect((await data<Row[]>("partnerships", "list", "--company", division.id)).map((x) => x.id)).toEqual([p.id]);
    expect(await data<Row[]>("partnerships", "list", "--vendor", vendor.id)).toHaveLength(2);

    const suspended = await data<Row>("partnerships", "update", p.id, "--status", "suspended", "--scopes", "read:jobs");
    expect(suspended).toMatchObject({ status: "suspended", scopes: ["read:jobs"] });
    const revoked = await data<Row>("partnerships", "revoke", p.id);
    expect(revoked.status).toBe("revoked");
    expect((await data<Row>("partnerships", "revoke", p.id)).status).toBe("revoked");
    const stored = await db.partnership.findUniqueOrThrow({ where: { id: p.id } });
    expect(stored.status).toBe("REVOKED");
  });

  it("audit list shows what the CLI did, newest first", async () => {
    const events = await data<Array<{ action: string; actor: { label: string } }>>("audit", "list", "--company", division.id, "--limit", "100");
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["company.created", "user.created", "api_key.created", "partnership.created", "partnership.updated", "partnership.revoked"]),
    );
    expect(actions[0]).toBe("partnership.revoked");
    expect(events.every((e) => e.actor.label === "cli")).toBe(true);
  });
});

describe("unknown ids → NOT_FOUND, exit 1", () => {
  const missing = "00000000-0000-4000-8000-000000000000";
  const cases: Array<[string, string[], string]> = [
    ["division of unknown parent", ["companies", "create", "--name", "X", "--parent", missing], "Parent company not found"],
    ["key for unknown company", ["keys", "create", "--company", missing, "--name", "k", "--scopes", "read:jobs"], "Company not found"],
    ["key for unknown vendor", ["keys", "create", "--vendor", missing, "--name", "k", "--scopes", "read:jobs"], "Vendor not found"],
    ["keys of unknown company", ["keys", "list", "--company", missing], "Company not found"],
    ["revoke unknown key", ["keys", "revoke", missing], "API key not found"],
    ["roll unknown key", ["keys", "roll", missing], "API key not found"],
    [
      "user of unknown company",
      ["users", "create", "--email", "x@y.test", "--password", "longenough", "--company", missing, "--role", "member"],
      "Company not found",
    ],
    ["user of unknown vendor", ["users", "create", "--email", "x@y.test", "--password", "longenough", "--vendor", missing], "Vendor not found"],
    ["partnership with unknown vendor", ["partnerships", "create", "--vendor", missing, "--company", missing, "--scopes", "read:jobs"], "Vendor not found"],
    ["update unknown partnership", ["partnerships", "update", missing, "--status", "active"], "Partnership not found"],
    ["revoke unknown partnership", ["partnerships", "revoke", missing], "Partnership not found"],
  ];

  it.each(cases)("%s", async (_label, argv, message) => {
    const { exitCode, body } = await cli(...argv);
    expect(exitCode).toBe(1);
    expect(body.error).toEqual({ code: "NOT_FOUND", message });
  });

  it("nothing was written by the failed commands", async () => {
    expect(await db.user.count({ where: { email: "x@y.test" } })).toBe(0);
  });
});
