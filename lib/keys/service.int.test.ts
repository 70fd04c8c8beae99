import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/types";
import { operatorScope } from "@/lib/tenancy/scope";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { createPartnership, updatePartnership } from "@/lib/tenancy/partnerships";
import { createCompany } from "@/lib/tenancy/companies";
import { createVendor } from "@/lib/tenancy/vendors";
import { onPartnershipChanged, type PartnershipChangedEvent } from "@/lib/tenancy/events";
import { KEY_REVOKED_CHANNEL, type KeyRevokedEvent } from "./events";
import { hashKey } from "./format";
import { createKey, onKeyRevoked, revokeKey, rollKey } from "./service";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

async function newKey(name = "k") {
  const company = await createCompany(t.db, operatorScope(), CLI_ACTOR, { name: `Co ${name}` });
  return createKey(t.db, operatorScope(), CLI_ACTOR, { owner: { kind: "company", companyId: company.id }, name, scopes: ["read:jobs"] });
}

describe("revocation events (what a cache of verified keys subscribes to)", () => {
  it("revokeKey notifies once, after the revocation is committed", async () => {
    const key = await newKey("once");
    const seen: Array<KeyRevokedEvent & { committed: Promise<Date | null | undefined> }> = [];
    const off = onKeyRevoked((event) => {
      // Read through the root client: it sees only committed data.
      seen.push({ ...event, committed: t.db.apiKey.findUnique({ where: { id: event.id } }).then((k) => k?.revokedAt) });
    });
    try {
      await revokeKey(t.db, operatorScope(), CLI_ACTOR, key.id);
      await revokeKey(t.db, operatorScope(), CLI_ACTOR, key.id);
    } finally {
      off();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: key.id, hash: hashKey(key.key) });
    expect(await seen[0]?.committed).toBeInstanceOf(Date);
  });

  it("concurrent revokes change the row once and write one audit event", async () => {
    const key = await newKey("race");
    const events: KeyRevokedEvent[] = [];
    const off = onKeyRevoked((e) => events.push(e));
    try {
      await Promise.all(Array.from({ length: 5 }, () => revokeKey(t.db, operatorScope(), CLI_ACTOR, key.id)));
    } finally {
      off();
    }
    expect(events).toHaveLength(1);
    expect(await t.db.auditEvent.count({ where: { action: "api_key.revoked", targetId: key.id } })).toBe(1);
  });

  it("rollKey notifies for the replaced key", async () => {
    const key = await newKey("roll");
    const events: KeyRevokedEvent[] = [];
    const off = onKeyRevoked((e) => events.push(e));
    try {
      const rolled = await rollKey(t.db, operatorScope(), CLI_ACTOR, key.id, {});
      expect(rolled.replacesKeyId).toBe(key.id);
    } finally {
      off();
    }
    expect(events).toEqual([{ id: key.id, hash: hashKey(key.key) }]);
  });

  it("a throwing listener does not undo the revocation", async () => {
    const key = await newKey("throws");
    const off = onKeyRevoked(() => {
      throw new Error("listener bug");
    });
    try {
      const revoked = await revokeKey(t.db, operatorScope(), CLI_ACTOR, key.id);
      expect(revoked.status).toBe("revoked");
    } finally {
      off();
    }
  });

  it("partnership changes notify with the pair and the new status", async () => {
    const company = await createCompany(t.db, operatorScope(), CLI_ACTOR, { name: "P Co" });
    const vendor = await createVendor(t.db, operatorScope(), CLI_ACTOR, { name: "P Vendor" });
    const events: PartnershipChangedEvent[] = [];
    const off = onPartnershipChanged((e) => events.push(e));
    try {
      const p = await createPartnership(t.db, operatorScope(), CLI_ACTOR, {
        vendorId: vendor.id,
        companyId: company.id,
        scopes: ["read:jobs"],
        status: "active",
      });
      await updatePartnership(t.db, operatorScope(), CLI_ACTOR, p.id, { status: "suspended" });
      await updatePartnership(t.db, operatorScope(), CLI_ACTOR, p.id, { status: "suspended" }); // no change, no event
    } finally {
      off();
    }
    expect(events.map((e) => e.status)).toEqual(["ACTIVE", "SUSPENDED"]);
    expect(events[1]).toMatchObject({ vendorId: vendor.id, companyId: company.id });
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("other processes on PostgreSQL hear the revocation by LISTEN", async () => {
    const key = await newKey("listen");
    const listener = new pg.Client({ connectionString: t.url ?? "" });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${KEY_REVOKED_CHANNEL}`);
      const heard = new Promise<string | undefined>((resolve) => listener.on("notification", (n) => resolve(n.payload)));
      await revokeKey(t.db, operatorScope(), CLI_ACTOR, key.id);
      expect(JSON.parse((await heard) ?? "{}")).toEqual({ id: key.id, hash: hashKey(key.key) });
    } finally {
      await listener.end();
    }
  });
});
