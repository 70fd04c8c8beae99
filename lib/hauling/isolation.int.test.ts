import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { makeTenant, withTwoTenants } from "./testing/fixtures";
import { RESOURCE_CASES } from "./testing/resource-cases";

const t = withTwoTenants();

describe.each(RESOURCE_CASES)("$resource", (c) => {
  const notFound = `${c.label} not found`;

  it("another tenant cannot read, update or delete a row, and does not see it in lists", async () => {
    const row = await c.make(t.db, t.north);
    await expect(c.get(t.db, t.south, row.id)).rejects.toThrow(new NotFoundError(c.label));
    await expect(c.patch(t.db, t.south, row.id)).rejects.toThrow(notFound);
    await expect(c.remove(t.db, t.south, row.id)).rejects.toThrow(notFound);
    const southIds = (await c.list(t.db, t.south, { limit: 100 })).items.map((r) => r.id);
    expect(southIds).not.toContain(row.id);
    // The row is untouched for its owner.
    expect((await c.get(t.db, t.north, row.id)).id).toBe(row.id);
  });

  it("the owner can read, update and delete it; afterwards it is gone", async () => {
    const row = await c.make(t.db, t.north);
    expect(await c.get(t.db, t.north, row.id)).toEqual(row);
    const patched = await c.patch(t.db, t.north, row.id);
    expect(patched.id).toBe(row.id);
    expect(await c.remove(t.db, t.north, row.id)).toEqual({ id: row.id, deleted: true });
    await expect(c.get(t.db, t.north, row.id)).rejects.toThrow(notFound);
    await expect(c.remove(t.db, t.north, row.id)).rejects.toThrow(notFound);
  });

  it("malformed and unknown ids are not found (never a database error)", async () => {
    for (const id of ["not-a-uuid", "'; drop table jobs; --", "00000000-0000-4000-8000-000000000000"]) {
      await expect(c.get(t.db, t.north, id)).rejects.toThrow(notFound);
      await expect(c.patch(t.db, t.north, id)).rejects.toThrow(notFound);
      await expect(c.remove(t.db, t.north, id)).rejects.toThrow(notFound);
    }
  });

  it("pages through every row exactly once, in a stable order", async () => {
    const tenant = await makeTenant(t.db, `Paging ${c.resource}`);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await c.make(t.db, tenant)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await c.list(t.db, tenant, { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(made));
  });
});
