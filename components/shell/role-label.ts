import type { MembershipRole } from "@/lib/generated/prisma/enums";

const TENANT_ROLES: Record<MembershipRole, string> = {
  CORPORATE: "Corporate",
  ADMIN: "Admin",
  MEMBER: "Member",
};

export function tenantRoleLabel(role: MembershipRole): string {
  return TENANT_ROLES[role];
}
