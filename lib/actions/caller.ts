import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { type AccessibleTenant, tenantAccess } from "@/lib/tenancy/access";

type CallerRow = {
  id: string;
  email: string;
  name: string;
  isOperator: boolean;
  vendorId: string | null;
  vendorName: string | null;
  tenantId: string | null;
  tenantName: string | null;
  tenantParentId: string | null;
  /** `companyId:role` of the user's memberships in the tenant and in its parent company. */
  memberships: string[] | null;
};

/**
 * The signed-in user re-read from the database (deleted → signed out) and, for a tenant action,
 * their role there (no access or no such tenant → NOT_FOUND, via `tenantAccess`), in one query:
 * Prisma reads each relation with its own query (user, vendor, tenant, memberships: four round
 * trips, which the embedded database runs one after another), and every action waits on this.
 */
export async function loadCaller(db: Db, userId: string, tenantId: string | null): Promise<{ user: SessionUser; tenant: AccessibleTenant | null }> {
  const rows = await db.$queryRaw<CallerRow[]>`
    SELECT u."id", u."email", u."name", u."isOperator",
           v."id" AS "vendorId", v."name" AS "vendorName",
           c."id" AS "tenantId", c."name" AS "tenantName", c."parentId" AS "tenantParentId",
           ARRAY(
             SELECT m."companyId" || ':' || m."role"::text FROM "Membership" m
             WHERE m."userId" = u."id" AND (m."companyId" = c."id" OR m."companyId" = c."parentId")
           ) AS "memberships"
    FROM "User" u
    LEFT JOIN "Vendor" v ON v."id" = u."vendorId"
    LEFT JOIN "Company" c ON c."id" = ${tenantId}::text
    WHERE u."id" = ${userId}::text`;
  const row = rows[0];
  if (!row) throw new UnauthorizedError("Sign in to continue");
  const user: SessionUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    isOperator: row.isOperator,
    vendor: row.vendorId && row.vendorName !== null ? { id: row.vendorId, name: row.vendorName } : null,
  };
  if (tenantId === null) return { user, tenant: null };
  const memberships = (row.memberships ?? []).map((entry) => {
    const at = entry.lastIndexOf(":");
    return { companyId: entry.slice(0, at), role: entry.slice(at + 1) as MembershipRole };
  });
  // A tenant that does not exist reads as one without access (NOT_FOUND either way).
  const tenant = { id: tenantId, name: row.tenantName ?? "", parentId: row.tenantParentId };
  return { user, tenant: row.tenantId === null ? tenantAccess(tenant, []) : tenantAccess(tenant, memberships) };
}
