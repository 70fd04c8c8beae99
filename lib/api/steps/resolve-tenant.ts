import "server-only";
import { processSingleton, TtlCache } from "@/lib/cache/ttl-cache";
import { config } from "@/lib/config";
import type { Tenant } from "@/lib/tenancy/access";
import { onPartnershipChanged } from "@/lib/tenancy/events";
import { ApiError } from "../errors";

export const TENANT_HEADER = "klau-tenant-id";

/** A vendor's partnership with a tenant, as far as access goes. */
export type PartnershipAccess = { status: string; scopes: string[]; company: Tenant };
export type PartnershipLookup = (vendorId: string, companyId: string) => Promise<PartnershipAccess | null>;

/** The tenant a request acts for, and (vendor keys only) the scopes that tenant granted. */
export type ResolvedTenant = { tenant: Tenant; grantedScopes: readonly string[] | null };

/**
 * Partnerships by `vendorId:companyId` (null = none). Suspension, revocation and scope changes emit
 * `onPartnershipChanged` in this process (and NOTIFY for other processes, see change-listener.ts),
 * which drops the entry at once; the short TTL (KLAU_PARTNERSHIP_CACHE_TTL_MS, default 5 s) bounds
 * staleness should a notification be lost.
 */
export const partnershipCache = processSingleton("partnership-cache", () => {
  const cache = new TtlCache<PartnershipAccess | null>(config().caches.partnershipTtlMs, 20_000);
  onPartnershipChanged((event) => cache.delete(`${event.vendorId}:${event.companyId}`));
  return cache;
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function deniedTenant(): ApiError {
  // One message for "no such tenant" and "no partnership", so tenant ids cannot be probed.
  return new ApiError("TENANT_ACCESS_DENIED", "This key has no access to the tenant named in Klau-Tenant-Id");
}

async function partnershipFor(
  vendorId: string,
  companyId: string,
  lookup: PartnershipLookup,
  cache: TtlCache<PartnershipAccess | null>,
): Promise<PartnershipAccess | null> {
  const cacheKey = `${vendorId}:${companyId}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const generation = cache.generation;
  const found = await lookup(vendorId, companyId);
  cache.set(cacheKey, found, Date.now(), generation);
  return found;
}

/**
 * Seed §1–3: a direct key acts for its own company or division only (a header naming another
 * tenant is refused, not ignored); a vendor key must name the tenant and hold an ACTIVE partnership.
 */
export async function resolveTenant(
  key: { kind: "DIRECT" | "VENDOR"; company: Tenant | null; vendorId: string | null },
  header: string | null,
  lookup: PartnershipLookup,
  cache: TtlCache<PartnershipAccess | null> = partnershipCache,
): Promise<ResolvedTenant> {
  const requested = header?.trim() || null;
  if (key.kind === "DIRECT") {
    const company = key.company;
    if (!company) throw new ApiError("TENANT_ACCESS_DENIED", "This key is not attached to a tenant");
    if (requested && requested.toLowerCase() !== company.id.toLowerCase()) {
      throw new ApiError("TENANT_MISMATCH", "A direct key acts only for its own company: omit Klau-Tenant-Id or send this key's company id");
    }
    return { tenant: company, grantedScopes: null };
  }
  if (!requested) {
    throw new ApiError("TENANT_HEADER_REQUIRED", "Vendor keys must send the Klau-Tenant-Id header naming the company to act for");
  }
  if (!key.vendorId || !UUID.test(requested)) throw deniedTenant();
  const partnership = await partnershipFor(key.vendorId, requested.toLowerCase(), lookup, cache);
  if (partnership?.status !== "ACTIVE") throw deniedTenant();
  return { tenant: partnership.company, grantedScopes: partnership.scopes };
}
