import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { runCli } from "./run";

let testDb: TestDatabase;
let db: Db;
let vendorId = "";
let companyId = "";

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  vendorId = (await db.vendor.create({ data: { name: "Route Co" } })).id;
  companyId = (await db.company.create({ data: { name: "Delta Hauling" } })).id;
});
afterAll(async () => {
  await testDb?.cleanup();
});

type Envelope = { data?: Record<string, unknown> & { id: string }; error?: { code: string; message: string } };

async function cli(...argv: string[]) {
  const result = await runCli(argv, { db, actor: CLI_ACTOR });
  return JSON.parse(result.output) as Envelope;
}

describe("partnerships request → approve → grant → suspend → resume → revoke from the CLI", () => {
  it("runs the same flow as the pages, writing the same history", async () => {
    const request = (await cli("partnerships", "request", "--vendor", vendorId, "--company", companyId, "--scopes", "read:jobs,write:jobs", "--note", "sync"))
      .data;
    expect(request).toMatchObject({ status: "pending", scopes: ["read:jobs", "write:jobs"], note: "sync" });
    const partnershipId = String(request?.partnershipId);
    expect((await cli("partnerships", "requests", "--company", companyId)).data).toEqual([expect.objectContaining({ id: request?.id })]);
    expect((await cli("partnerships", "approve", String(request?.id), "--scopes", "read:trucks")).error).toMatchObject({ code: "BAD_REQUEST" });
    expect((await cli("partnerships", "approve", String(request?.id), "--scopes", "read:jobs")).data).toMatchObject({ status: "approved" });
    const more = (await cli("partnerships", "request", "--vendor", vendorId, "--partnership", partnershipId, "--scopes", "write:jobs")).data;
    expect((await cli("partnerships", "deny", String(more?.id), "--reason", "Not yet")).data).toMatchObject({ status: "denied", decisionReason: "Not yet" });
    expect((await cli("partnerships", "grant", partnershipId, "--scopes", "read:jobs,read:drivers")).data).toMatchObject({
      status: "active",
      scopes: ["read:jobs", "read:drivers"],
    });
    expect((await cli("partnerships", "suspend", partnershipId)).data).toMatchObject({ status: "suspended" });
    expect((await cli("partnerships", "resume", partnershipId)).data).toMatchObject({ status: "active", scopes: ["read:jobs", "read:drivers"] });
    expect((await cli("partnerships", "revoke", partnershipId)).data).toMatchObject({ status: "revoked" });
    expect((await cli("partnerships", "resume", partnershipId)).error).toMatchObject({ code: "CONFLICT" });
    const shown = (await cli("partnerships", "show", partnershipId)).data as unknown as { state: string; history: { action: string; actor: string }[] };
    expect(shown.state).toBe("revoked");
    expect(shown.history.map((h) => h.action).reverse()).toEqual([
      "partnership.requested",
      "partnership.approved",
      "partnership.requested",
      "partnership.denied",
      "partnership.grant_changed",
      "partnership.suspended",
      "partnership.resumed",
      "partnership.revoked",
    ]);
    expect(shown.history.every((h) => h.actor === "cli")).toBe(true);
  });

  it("withdraws and ends for a vendor, and refuses another vendor's request", async () => {
    const other = (await db.vendor.create({ data: { name: "Other" } })).id;
    const request = (await cli("partnerships", "request", "--vendor", vendorId, "--company", companyId, "--scopes", "read:jobs")).data;
    expect((await cli("partnerships", "withdraw", String(request?.id), "--vendor", other)).error).toMatchObject({ code: "NOT_FOUND" });
    expect((await cli("partnerships", "withdraw", String(request?.id), "--vendor", vendorId)).data).toMatchObject({ status: "withdrawn" });
    const again = (await cli("partnerships", "request", "--vendor", vendorId, "--company", companyId, "--scopes", "read:jobs")).data;
    await cli("partnerships", "approve", String(again?.id), "--scopes", "read:jobs");
    expect((await cli("partnerships", "end", String(again?.partnershipId), "--vendor", vendorId)).data).toMatchObject({ status: "revoked" });
  });
});
