import type { AccessibleTenant } from "@/lib/tenancy/access";
import type { SessionUser } from "./user";

export const DEVELOPER_SETTINGS = "settings/developer";

export function tenantHome(tenantId: string): string {
  return `/${tenantId}/${DEVELOPER_SETTINGS}`;
}

/**
 * Where a user lands after sign-in: operators in their console, vendor users in the vendor area,
 * company users in the developer settings of their first company (the parent for corporate users).
 * Null when the account has no area at all yet.
 */
export function homePathFor(user: Pick<SessionUser, "isOperator" | "vendor">, tenants: AccessibleTenant[]): string | null {
  if (user.isOperator) return "/operator";
  if (user.vendor) return "/vendor";
  const first = tenants[0];
  return first ? tenantHome(first.id) : null;
}
