import { describe, expect, it } from "vitest";
import { effectiveAccess, effectiveScopes, missingScope } from "./effective";

describe("missingScope (the API's 403 wording)", () => {
  it.each([
    [["read:jobs"], null, "read:jobs", null],
    [["read:all"], ["read:*"], "read:jobs", null],
    [["read:drivers"], ["read:jobs"], "read:jobs", { side: "key", message: "This API key lacks the scope read:jobs" }],
    [["write:all"], ["read:jobs"], "write:jobs", { side: "grant", message: "The tenant has not granted the scope write:jobs to this vendor" }],
    [["read:jobs"], null, "write:jobs", { side: "key", message: "This API key lacks the scope write:jobs" }],
  ] as const)("key %j ∩ grant %j for %s → %j", (key, grant, scope, expected) => {
    const missing = missingScope(key, grant, scope);
    expect(missing === null ? null : { side: missing.side, message: missing.message }).toEqual(expected);
  });
});

describe("effectiveAccess", () => {
  it("intersects wildcards on either side per resource", () => {
    expect(effectiveScopes(["read:all", "write:jobs"], ["read:jobs", "read:drivers", "write:*"])).toEqual(["read:jobs", "write:jobs", "read:drivers"]);
  });

  it("lists every catalog resource, with the side that lacks each missing scope", () => {
    const rows = effectiveAccess(["write:jobs"], ["read:jobs"]);
    expect(rows).toHaveLength(29);
    expect(rows[0]).toMatchObject({ resource: "jobs", read: { side: "key" }, write: { side: "grant" } });
  });
});
