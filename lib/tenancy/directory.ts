import "server-only";
import type { Db } from "@/lib/db/client";
import type { OperatorScope } from "./scope";

export type CompanyRow = { id: string; name: string; parentName: string | null; members: number; apiKeys: number };
export type VendorRow = { id: string; name: string; users: number; activePartnerships: number; partnerships: number };

/** The operator's directory: every company (each followed by its divisions) and every vendor, with a few counts. */
export async function loadDirectory(db: Db, _scope: OperatorScope): Promise<{ companies: CompanyRow[]; vendors: VendorRow[] }> {
  const [companies, vendors] = await Promise.all([
    db.company.findMany({
      include: { parent: { select: { name: true } }, _count: { select: { memberships: true, apiKeys: true } } },
    }),
    db.vendor.findMany({
      orderBy: { name: "asc" },
      include: { _count: { select: { users: true, partnerships: true } }, partnerships: { where: { status: "ACTIVE" }, select: { id: true } } },
    }),
  ]);
  const groupName = (c: (typeof companies)[number]) => c.parent?.name ?? c.name;
  return {
    companies: companies
      .sort((a, b) => groupName(a).localeCompare(groupName(b)) || Number(a.parentId !== null) - Number(b.parentId !== null) || a.name.localeCompare(b.name))
      .map((c) => ({ id: c.id, name: c.name, parentName: c.parent?.name ?? null, members: c._count.memberships, apiKeys: c._count.apiKeys })),
    vendors: vendors.map((v) => ({
      id: v.id,
      name: v.name,
      users: v._count.users,
      partnerships: v._count.partnerships,
      activePartnerships: v.partnerships.length,
    })),
  };
}
