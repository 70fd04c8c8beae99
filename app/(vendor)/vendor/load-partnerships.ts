import "server-only";
import type { Db } from "@/lib/db/client";
import type { PartnershipStatus } from "@/lib/generated/prisma/enums";

export type VendorPartnershipRow = {
  id: string;
  company: { id: string; name: string; parentName: string | null };
  status: PartnershipStatus;
  scopes: string[];
  since: Date;
};

/** The vendor's partnerships with the company each is with, active ones first. */
export async function loadVendorPartnerships(db: Db, vendorId: string): Promise<VendorPartnershipRow[]> {
  const rows = await db.partnership.findMany({
    where: { vendorId },
    include: { company: { select: { id: true, name: true, parent: { select: { name: true } } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const order: Record<PartnershipStatus, number> = { ACTIVE: 0, PENDING: 1, SUSPENDED: 2, REVOKED: 3 };
  return rows
    .map((p) => ({
      id: p.id,
      company: { id: p.company.id, name: p.company.name, parentName: p.company.parent?.name ?? null },
      status: p.status,
      scopes: p.scopes,
      since: p.createdAt,
    }))
    .sort((a, b) => order[a.status] - order[b.status]);
}
