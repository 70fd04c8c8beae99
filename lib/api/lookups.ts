import "server-only";
import type { Db } from "@/lib/db/client";
import type { KeyRecord } from "@/lib/keys/cache";
import type { PartnershipAccess } from "@/lib/api/steps/resolve-tenant";

const companyFields = { id: true, name: true, parentId: true } as const;

/** The one query behind key verification (on a cache miss): by the unique hash index. */
export async function findKeyByHash(db: Db, hash: string): Promise<KeyRecord | null> {
  const row = await db.apiKey.findUnique({
    where: { hash },
    select: {
      id: true,
      kind: true,
      companyId: true,
      vendorId: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      company: { select: companyFields },
    },
  });
  return row ? { ...row, kind: row.kind === "VENDOR" ? "VENDOR" : "DIRECT" } : null;
}

export async function findPartnership(db: Db, vendorId: string, companyId: string): Promise<PartnershipAccess | null> {
  const row = await db.partnership.findUnique({
    where: { vendorId_companyId: { vendorId, companyId } },
    select: { status: true, scopes: true, company: { select: companyFields } },
  });
  return row ? { status: row.status, scopes: row.scopes, company: row.company } : null;
}
