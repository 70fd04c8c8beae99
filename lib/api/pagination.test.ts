import { describe, expect, it } from "vitest";
import { successBody } from "./envelope";
import { paginated } from "./pagination";

describe("envelope", () => {
  it("puts a page's items under data and its cursor under pagination", () => {
    const rows = [{ id: "a" }, { id: "b" }];
    expect(successBody(paginated(rows, "b"))).toEqual({ data: rows, pagination: { nextCursor: "b" } });
  });

  it("wraps plain data and null", () => {
    expect(successBody({ a: 1 })).toEqual({ data: { a: 1 } });
    expect(successBody(undefined)).toEqual({ data: null });
    expect(successBody(paginated([], null))).toEqual({ data: [], pagination: { nextCursor: null } });
  });
});
