import { describe, expect, it } from "vitest";
import { can, type Permission, ROLE_PERMISSIONS, type Role } from "./permissions";

describe("can", () => {
  it.each<[Role, Permission, boolean]>([
    ["MEMBER", "keys:read", true],
    ["MEMBER", "keys:manage", false],
    ["MEMBER", "partnerships:decide", false],
    ["MEMBER", "audit:export", false],
    ["ADMIN", "keys:manage", true],
    ["ADMIN", "partnerships:decide", true],
    ["CORPORATE", "settings:manage", true],
    ["ADMIN", "operator:manage", false],
    ["VENDOR", "vendor:keys", true],
    ["VENDOR", "keys:manage", false],
    ["VENDOR", "audit:read", false],
    ["OPERATOR", "operator:manage", true],
    ["OPERATOR", "audit:export", true],
    ["OPERATOR", "keys:manage", false],
  ])("%s may %s: %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("gives admins and corporate users the same tenant permissions, a superset of a member's", () => {
    expect(ROLE_PERMISSIONS.CORPORATE).toEqual(ROLE_PERMISSIONS.ADMIN);
    for (const permission of ROLE_PERMISSIONS.MEMBER) expect(can("ADMIN", permission)).toBe(true);
  });
});
