import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { afterCursor, decodeCursor, encodeCursor, listQuery, paginationQuery, toPage } from "./cursor";

const at = new Date("2026-03-15T10:00:00.123Z");
const id = "3f1c9a1e-8b7d-4c55-9a3e-2f64d1b0c9aa";

describe("cursor", () => {
  it("round-trips a position and is opaque (no raw id in it)", () => {
    const cursor = encodeCursor({ createdAt: at, id });
    expect(cursor).not.toContain(id);
    expect(decodeCursor(cursor)).toEqual({ createdAt: at, id });
  });

  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  it.each([
    "garbage",
    "bnVsbA",
    encodeURIComponent("[1,2]"),
    raw(["not a date", "x"]),
    // What the attack test sent: PostgreSQL could not compare with these, so they became 500s.
    raw([at.toISOString(), `${id}\u0000`]),
    raw([at.toISOString(), "\u0000"]),
    raw(["-271821-04-20T00:00:00.000Z", id]),
    raw(["+275760-09-13T00:00:00.000Z", id]),
    raw(["0000-01-01T00:00:00.000Z", id]),
    raw(["2026-03-15", id]),
    raw([at.toISOString(), "not-a-uuid"]),
  ])("rejects a damaged cursor %s as invalid input", (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
    expect(listQuery.safeParse({ cursor }).success).toBe(false);
  });

  it("selects rows strictly after the position, ties broken by id", () => {
    expect(afterCursor(undefined)).toEqual({});
    expect(afterCursor(encodeCursor({ createdAt: at, id }))).toEqual({
      OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: id } }],
    });
  });

  it("turns the extra row into a next cursor pointing at the last returned row", () => {
    const rows = [1, 2, 3].map((n) => ({ createdAt: at, id: `${id.slice(0, -1)}${n}` }));
    const page = toPage(rows, 2, (r) => r.id);
    expect(page.items).toEqual([rows[0]?.id, rows[1]?.id]);
    expect(page.nextCursor && decodeCursor(page.nextCursor).id).toBe(rows[1]?.id);
    expect(toPage(rows, 3, (r) => r.id).nextCursor).toBeNull();
  });

  it("limits the page size to 1..100 with a default of 25", () => {
    expect(listQuery.parse({}).limit).toBe(25);
    expect(listQuery.parse({ limit: "100" }).limit).toBe(100);
    for (const limit of ["0", "101", "abc", "2.5"]) expect(listQuery.safeParse({ limit }).success).toBe(false);
  });
});

describe("paginationQuery", () => {
  it.each([
    [{}, { limit: 25 }],
    [{ limit: "1" }, { limit: 1 }],
    [
      { limit: "100", cursor: "abc" },
      { limit: 100, cursor: "abc" },
    ],
  ])("%j → %j", (input, expected) => {
    expect(paginationQuery.parse(input)).toEqual(expected);
  });

  it.each([[{ limit: "0" }], [{ limit: "101" }], [{ limit: "2.5" }], [{ limit: "x" }], [{ cursor: "" }]])("%j is refused", (input) => {
    expect(paginationQuery.safeParse(input).success).toBe(false);
  });
});
