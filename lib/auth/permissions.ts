import "server-only";
import type { MembershipRole } from "@/lib/generated/prisma/enums";

/**
 * Who may do what, in one table. Pages ask `can` what to show; the authorized-action wrapper asks it
 * what to allow, on the server, on every request. A tenant role is the user's membership there;
 * vendor users and operators have one role each.
 */
export type Role = MembershipRole | "VENDOR" | "OPERATOR";

export type Permission =
  | "keys:read"
  | "keys:manage"
  | "partnerships:read"
  | "partnerships:decide"
  | "settings:manage"
  | "console:read"
  | "console:write"
  | "usage:read"
  | "audit:read"
  | "audit:export"
  | "vendor:partnerships"
  | "vendor:keys"
  | "operator:manage";

const TENANT_READ: readonly Permission[] = ["keys:read", "partnerships:read", "console:read", "usage:read", "audit:read"];
const TENANT_ALL: readonly Permission[] = [...TENANT_READ, "keys:manage", "partnerships:decide", "settings:manage", "console:write", "audit:export"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  MEMBER: TENANT_READ,
  ADMIN: TENANT_ALL,
  CORPORATE: TENANT_ALL,
  VENDOR: ["vendor:partnerships", "vendor:keys", "console:read", "console:write", "usage:read"],
  OPERATOR: ["operator:manage", "audit:read", "audit:export"],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
