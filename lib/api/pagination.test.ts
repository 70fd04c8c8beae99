import { describe, expect, it } from "vitest";
import { successBody } from "./envelope";
import { pageOf, paginated, paginationQuery } from "./pagination";

describe("paginationQuery", () => {
  it.each([
    [{}, { limit: 25 }],
    [{ limit: "1" }, { limit: 1 }],
    [{ limit: "100", cursor: "abc" }, { limit: 100, cursor: "abc" }],
  ])("%j → %j", (input, expected) => {
    expect(paginationQuery.parse(input)).toEqual(expected);
  });

  it.each([[{ limit: "0" }], [{ limit: "101" }], [{ limit: "2.5" }], [{ limit: "x" }], [{ cursor: "" }]])("%j is refused", (input) => {
    expect(paginationQuery.safeParse(input).success).toBe(false);
  });
});

describe("pageOf / envelope", () => {
  it("trims the look-ahead row into a cursor", () => {
    const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(successBody(pageOf(rows, 2))).toEqual({ data: [{ id: "a" }, { id: "b" }], pagination: { nextCursor: "b" } });
    expect(successBody(pageOf(rows, 3))).toEqual({ data: rows, pagination: { nextCursor: null } });
  });

  it("wraps plain data and null", () => {
    expect(successBody({ a: 1 })).toEqual({ data: { a: 1 } });
    expect(successBody(undefined)).toEqual({ data: null });
    expect(successBody(paginated([], null))).toEqual({ data: [], pagination: { nextCursor: null } });
  });
});
