import "server-only";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { keyStatus, worksWhere } from "@/lib/keys/status";
import { type EffectiveAccessRow, effectiveAccess } from "@/lib/scopes/effective";
import { getPartnershipDetail, listPartnershipSummaries, type PartnershipSummary } from "@/lib/tenancy/partnership-views";
import type { CompanyScope, VendorScope } from "@/lib/tenancy/scope";

/**
 * Who can reach a company's data through the API, and what a vendor key may do for one company.
 */
export type DirectKeyAccess = {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  scopes: string[];
  lastUsedAt: Date | null;
  expiresAt: Date | null;
};

export type DataAccess = { keys: DirectKeyAccess[]; partnerships: PartnershipSummary[] };

/** Every usable direct key of the company and every partnership that is active or suspended. */
export async function listDataAccess(db: Db, scope: CompanyScope): Promise<DataAccess> {
  const now = new Date();
  const [keys, partnerships] = await Promise.all([
    db.apiKey.findMany({
      where: { AND: [{ kind: "DIRECT", companyId: scope.companyId }, worksWhere(now)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
    listPartnershipSummaries(db, { ...scope, includeDivisions: false }),
  ]);
  return {
    keys: keys.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, last4: k.last4, scopes: k.scopes, lastUsedAt: k.lastUsedAt, expiresAt: k.expiresAt })),
    partnerships: partnerships.filter((p) => p.state === "active" || p.state === "suspended"),
  };
}

export type VendorEffectiveAccess = {
  key: { id: string; name: string; scopes: string[] };
  partnership: PartnershipSummary;
  /** Null when the API lets the key act for the company at all (active partnership, usable key). */
  blocked: string | null;
  rows: EffectiveAccessRow[];
};

/**
 * For one of the vendor's keys and one of its partnerships: per resource, read/write allowed or the
 * API's own reason (key scopes vs. the company's grant).
 */
export async function vendorEffectiveAccess(db: Db, scope: VendorScope, keyId: string, partnershipId: string): Promise<VendorEffectiveAccess> {
  const key = await db.apiKey.findFirst({ where: { id: keyId, kind: "VENDOR", vendorId: scope.vendorId } });
  if (!key) throw new NotFoundError("API key");
  const partnership = await getPartnershipDetail(db, scope, partnershipId);
  const now = new Date();
  const status = keyStatus(key, now);
  const blocked =
    status === "revoked"
      ? "This key is revoked: the API answers 401 to it"
      : status === "expired"
        ? "This key has expired: the API answers 401 to it"
        : partnership.state !== "active"
          ? `The partnership is ${partnership.state}: the API answers 403 TENANT_ACCESS_DENIED for ${partnership.company.name}`
          : null;
  const { requests: _requests, history: _history, ...summary } = partnership;
  return {
    key: { id: key.id, name: key.name, scopes: key.scopes },
    partnership: summary,
    blocked,
    rows: effectiveAccess(key.scopes, partnership.state === "active" ? partnership.grantedScopes : []),
  };
}
