import "server-only";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";

/** A company, or a division of one (`parentId`): the tenant a request or page acts for. */
export type Tenant = { id: string; name: string; parentId: string | null };

/** A company or division the user may open in the dashboard, with their role there. */
export type AccessibleTenant = Tenant & { role: MembershipRole };

const RANK: Record<MembershipRole, number> = { MEMBER: 1, ADMIN: 2, CORPORATE: 3 };

function higher(a: MembershipRole | undefined, b: MembershipRole): MembershipRole {
  return a && RANK[a] >= RANK[b] ? a : b;
}

/**
 * Corporate membership on a company → that company and each of its divisions; admin/member →
 * exactly their companies. Ordered as a tree: each company, then its divisions by name.
 */
export async function listAccessibleTenants(db: Db, user: { id: string }): Promise<AccessibleTenant[]> {
  const memberships = await db.membership.findMany({
    where: { userId: user.id },
    include: { company: { include: { parent: { select: { name: true } }, divisions: true } } },
  });
  const tenants = new Map<string, AccessibleTenant & { group: string }>();
  const add = (company: { id: string; name: string; parentId: string | null }, role: MembershipRole, group: string) => {
    const existing = tenants.get(company.id);
    tenants.set(company.id, { ...company, role: higher(existing?.role, role), group });
  };
  for (const { company, role } of memberships) {
    const group = company.parent?.name ?? company.name;
    add({ id: company.id, name: company.name, parentId: company.parentId }, role, group);
    if (role !== "CORPORATE") continue;
    for (const division of company.divisions) {
      add({ id: division.id, name: division.name, parentId: division.parentId }, "CORPORATE", company.name);
    }
  }
  return [...tenants.values()]
    .sort((a, b) => a.group.localeCompare(b.group) || Number(a.parentId !== null) - Number(b.parentId !== null) || a.name.localeCompare(b.name))
    .map(({ group: _group, ...tenant }) => tenant);
}

/**
 * The user's access to one tenant, checked against the database on every call. A tenant that
 * does not exist and one the user may not see both throw NotFoundError, so ids cannot be probed.
 */
export async function assertTenantAccess(db: Db, user: { id: string }, tenantId: string): Promise<AccessibleTenant> {
  // Both reads at once (every server action and tenant page waits on this): the user's membership
  // in the tenant itself, or a corporate one in the company the tenant is a division of.
  const [tenant, memberships] = await Promise.all([
    db.company.findUnique({ where: { id: tenantId }, select: { id: true, name: true, parentId: true } }),
    db.membership.findMany({
      where: { userId: user.id, OR: [{ companyId: tenantId }, { role: "CORPORATE", company: { divisions: { some: { id: tenantId } } } }] },
      select: { companyId: true, role: true },
    }),
  ]);
  if (!tenant) throw new NotFoundError("Tenant");
  return tenantAccess(tenant, memberships);
}

/**
 * The user's role in `tenant` from their memberships there and in its parent company (a corporate
 * membership in the parent reaches every division); none → NotFoundError, as for a missing tenant.
 */
export function tenantAccess(tenant: Tenant, memberships: readonly { companyId: string; role: MembershipRole }[]): AccessibleTenant {
  let role: MembershipRole | undefined;
  for (const m of memberships) {
    if (m.companyId === tenant.id) role = higher(role, m.role);
    else if (m.companyId === tenant.parentId && m.role === "CORPORATE") role = higher(role, "CORPORATE");
  }
  if (!role) throw new NotFoundError("Tenant");
  return { ...tenant, role };
}
