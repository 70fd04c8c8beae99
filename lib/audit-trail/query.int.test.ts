import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { operatorScope } from "@/lib/tenancy/scope";
import { exportAudit } from "./export";
import { listAudit } from "./query";

let t: TestDatabase;
let north: string;
let south: string;
const vendorId = "vendor-1";

beforeAll(async () => {
  t = await createTestDatabase();
  north = (await t.db.company.create({ data: { name: "North" } })).id;
  south = (await t.db.company.create({ data: { name: "South" } })).id;
  const at = (m: number) => new Date(Date.UTC(2026, 2, 15, 10, m));
  await t.db.auditEvent.createMany({
    data: [
      {
        actorLabel: "admin.north@x.test",
        actorUserId: "u-n",
        action: "api_key.created",
        targetType: "api_key",
        targetId: "k1",
        companyId: north,
        ip: "10.0.0.1",
        createdAt: at(1),
        metadata: { name: "=cmd|' /C calc'!A0", scopes: ["read:jobs"] },
      },
      {
        actorLabel: "admin.north@x.test",
        actorUserId: "u-n",
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: "k1",
        companyId: north,
        createdAt: at(2),
      },
      { actorLabel: "cli", action: "partnership.updated", targetType: "partnership", targetId: "p1", companyId: north, vendorId, createdAt: at(3) },
      {
        actorLabel: "admin.south@x.test",
        actorUserId: "u-s",
        action: "api_key.created",
        targetType: "api_key",
        targetId: "k2",
        companyId: south,
        createdAt: at(4),
      },
    ],
  });
});
afterAll(async () => {
  await t?.cleanup();
});

const northScope = () => ({ kind: "company", companyId: north, includeDivisions: false }) as const;

describe("audit log queries", () => {
  it("a tenant sees only its own events, newest first; filters narrow within the scope", async () => {
    const all = await listAudit(t.db, northScope(), {});
    expect(all.items.map((e) => e.action)).toEqual(["partnership.updated", "api_key.revoked", "api_key.created"]);
    expect((await listAudit(t.db, northScope(), { actor: "ADMIN.NORTH" })).items).toHaveLength(2);
    expect((await listAudit(t.db, northScope(), { action: "api_key.created" })).items.map((e) => e.target.id)).toEqual(["k1"]);
    expect((await listAudit(t.db, northScope(), { target: "p1" })).items).toHaveLength(1);
    expect((await listAudit(t.db, northScope(), { from: new Date(Date.UTC(2026, 2, 15, 10, 2)) })).items).toHaveLength(2);
    // Asking for South's rows from North's scope yields nothing.
    expect((await listAudit(t.db, northScope(), { companyId: south })).items).toEqual([]);
    expect((await listAudit(t.db, northScope(), { actor: "admin.south" })).items).toEqual([]);
  });

  it("a vendor sees events about itself; the operator sees every tenant", async () => {
    expect((await listAudit(t.db, { kind: "vendor", vendorId }, {})).items.map((e) => e.target.id)).toEqual(["p1"]);
    expect((await listAudit(t.db, operatorScope(), {})).items).toHaveLength(4);
    expect((await listAudit(t.db, operatorScope(), { companyId: south })).items.map((e) => e.target.id)).toEqual(["k2"]);
  });

  it("pages with a cursor", async () => {
    const first = await listAudit(t.db, operatorScope(), {}, { limit: 3 });
    const second = await listAudit(t.db, operatorScope(), {}, { limit: 3, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((e) => e.target.id)).toEqual(["k2", "p1", "k1", "k1"]);
    expect(second.nextCursor).toBeNull();
  });
});

async function collect(stream: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text;
}

describe("audit export", () => {
  it("CSV: header, one line per event, quoted fields, formulas neutralised", async () => {
    const csv = await collect(exportAudit(t.db, northScope(), {}, "csv"));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time,actor,actor_user_id,ip,action,target_type,target_id,company_id,vendor_id,details");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(`2026-03-15T10:01:00.000Z,admin.north@x.test,u-n,10.0.0.1,api_key.created,api_key,k1,${north},,`);
    expect(lines[3]).toContain(`"{""name"":""=cmd|' /C calc'!A0"",""scopes"":[""read:jobs""]}"`);
    expect(csv).not.toContain("admin.south");
  });

  it("JSON: a valid array of the same rows, paged through the whole set (100 000 rows)", async () => {
    const json = JSON.parse(await collect(exportAudit(t.db, northScope(), {}, "json")));
    expect(json.map((e: { action: string }) => e.action)).toEqual(["partnership.updated", "api_key.revoked", "api_key.created"]);
    const bulk = (await t.db.company.create({ data: { name: "Bulk" } })).id;
    await t.db.$executeRaw`
      INSERT INTO "AuditEvent" (id, "actorLabel", action, "targetType", "companyId", "createdAt")
      SELECT gen_random_uuid()::text, 'bulk@x.test', 'api_key.created', 'api_key', ${bulk}, now() - (n || ' seconds')::interval
      FROM generate_series(1, 100000) AS n`;
    let lines = 0;
    let chunks = 0;
    for await (const chunk of exportAudit(t.db, { kind: "company", companyId: bulk, includeDivisions: false }, {}, "csv", 5000)) {
      lines += chunk.split("\r\n").length - 1;
      chunks += 1;
    }
    expect(lines).toBe(100_001);
    expect(chunks).toBeGreaterThan(20); // streamed a page at a time, not built whole
  }, 120_000);
});
