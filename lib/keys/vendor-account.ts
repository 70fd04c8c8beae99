import "server-only";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type KeyView, toKeyView } from "@/lib/keys/service";
import { listPartnershipSummaries, type PartnershipSummary } from "@/lib/tenancy/partnership-views";
import type { OperatorScope } from "@/lib/tenancy/scope";

/** One vendor account as the operator sees it: its users, keys and partnerships. */
export type VendorAccount = {
  id: string;
  name: string;
  createdAt: Date;
  users: { id: string; email: string; name: string; createdAt: Date }[];
  keys: KeyView[];
  partnerships: PartnershipSummary[];
};

export type VendorRow = { id: string; name: string; createdAt: Date; users: number; keys: number; activePartnerships: number; partnerships: number };

export async function listVendorAccounts(db: Db, _scope: OperatorScope): Promise<VendorRow[]> {
  const vendors = await db.vendor.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    include: {
      _count: { select: { users: true, partnerships: true, apiKeys: { where: { revokedAt: null } } } },
      partnerships: { where: { status: "ACTIVE" }, select: { id: true } },
    },
  });
  return vendors.map((v) => ({
    id: v.id,
    name: v.name,
    createdAt: v.createdAt,
    users: v._count.users,
    keys: v._count.apiKeys,
    partnerships: v._count.partnerships,
    activePartnerships: v.partnerships.length,
  }));
}

export async function getVendorAccount(db: Db, scope: OperatorScope, vendorId: string): Promise<VendorAccount> {
  const vendor = await db.vendor.findUnique({
    where: { id: vendorId },
    include: {
      users: { select: { id: true, email: true, name: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { email: "asc" }] },
      apiKeys: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    },
  });
  if (!vendor) throw new NotFoundError("Vendor");
  const now = new Date();
  return {
    id: vendor.id,
    name: vendor.name,
    createdAt: vendor.createdAt,
    users: vendor.users,
    keys: vendor.apiKeys.map((k) => toKeyView(k, now)),
    partnerships: await listPartnershipSummaries(db, scope, { vendorId }),
  };
}
