import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { NotFoundError } from "@/lib/errors";
import { makeTenant } from "./testing/fixtures";
import { RESOURCE_CASES } from "./testing/resource-cases";

let testDb: TestDatabase;
let db: Db;
let north: string;
let south: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  north = await makeTenant(db, "North");
  south = await makeTenant(db, "South");
});
afterAll(async () => {
  await testDb?.cleanup();
});

describe.each(RESOURCE_CASES)("$resource", (c) => {
  const notFound = `${c.label} not found`;

  it("another tenant cannot read, update or delete a row, and does not see it in lists", async () => {
    const row = await c.make(db, north);
    await expect(c.get(db, south, row.id)).rejects.toThrow(new NotFoundError(c.label));
    await expect(c.patch(db, south, row.id)).rejects.toThrow(notFound);
    await expect(c.remove(db, south, row.id)).rejects.toThrow(notFound);
    const southIds = (await c.list(db, south, { limit: 100 })).items.map((r) => r.id);
    expect(southIds).not.toContain(row.id);
    // The row is untouched for its owner.
    expect((await c.get(db, north, row.id)).id).toBe(row.id);
  });

  it("the owner can read, update and delete it; afterwards it is gone", async () => {
    const row = await c.make(db, north);
    expect(await c.get(db, north, row.id)).toEqual(row);
    const patched = await c.patch(db, north, row.id);
    expect(patched.id).toBe(row.id);
    expect(await c.remove(db, north, row.id)).toEqual({ id: row.id, deleted: true });
    await expect(c.get(db, north, row.id)).rejects.toThrow(notFound);
    await expect(c.remove(db, north, row.id)).rejects.toThrow(notFound);
  });

  it("malformed and unknown ids are not found (never a database error)", async () => {
    for (const id of ["not-a-uuid", "'; drop table jobs; --", "00000000-0000-4000-8000-000000000000"]) {
      await expect(c.get(db, north, id)).rejects.toThrow(notFound);
      await expect(c.patch(db, north, id)).rejects.toThrow(notFound);
      await expect(c.remove(db, north, id)).rejects.toThrow(notFound);
    }
  });

  it("pages through every row exactly once, in a stable order", async () => {
    const tenant = await makeTenant(db, `Paging ${c.resource}`);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await c.make(db, tenant)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await c.list(db, tenant, { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(made));
  });
});
