import { describe, expect, it } from "vitest";
import { ALL_SCOPES, isScope, RESOURCES } from "./catalog";
import { accessForMethod, requiredScope, scopesAllow } from "./match";

describe("requiredScope", () => {
  it.each([
    ["GET", "jobs", "read:jobs"],
    ["HEAD", "jobs", "read:jobs"],
    ["get", "drivers", "read:drivers"],
    ["POST", "dispatches", "write:dispatches"],
    ["PUT", "trucks", "write:trucks"],
    ["PATCH", "dump-sites", "write:dump-sites"],
    ["DELETE", "customers", "write:customers"],
  ] as const)("%s %s → %s", (method, resource, scope) => {
    expect(requiredScope(method, resource)).toBe(scope);
  });

  it("covers all 29 seed resources in both directions", () => {
    expect(RESOURCES).toHaveLength(29);
    for (const resource of RESOURCES) {
      expect(isScope(requiredScope("GET", resource))).toBe(true);
      expect(isScope(requiredScope("POST", resource))).toBe(true);
    }
    expect(ALL_SCOPES).toHaveLength(29 * 2 + 4);
  });

  it("treats unknown methods as writes (never as reads)", () => {
    expect(accessForMethod("OPTIONS")).toBe("write");
  });
});

describe("scopesAllow", () => {
  it.each([
    [["read:jobs"], "read:jobs", true],
    [["read:jobs"], "write:jobs", false],
    [["read:jobs"], "read:drivers", false],
    [["read:all"], "read:drivers", true],
    [["read:*"], "read:dump-sites", true],
    [["read:all"], "write:jobs", false],
    [["write:all"], "write:jobs", true],
    [["write:*"], "write:jobs", true],
    [["write:all"], "read:jobs", false],
    [[], "read:jobs", false],
    [["read:job"], "read:jobs", false],
    [["read:jobs:extra"], "read:jobs", false],
    [["*"], "read:jobs", false],
    [["all"], "read:jobs", false],
  ] as const)("%j covers %s → %s", (granted, required, allowed) => {
    expect(scopesAllow(granted, required)).toBe(allowed);
  });
});
