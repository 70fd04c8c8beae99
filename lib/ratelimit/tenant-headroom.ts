import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import type { Headroom } from "@/lib/request-log/usage-schema";
import { headroomOf } from "./headroom";
import { rateLimitIdentity } from "./identity";
import type { Limiter } from "./limit";

export type IdentityHeadroom = Headroom & { label: string; kind: "direct" | "vendor" };

/**
 * Every identity the API rate-limits for one tenant, with its current window: the tenant's direct
 * keys (they share one budget) and each vendor with an active partnership (one budget per tenant).
 */
export async function tenantHeadroom(db: DbClient, limiter: Limiter, tenantId: string): Promise<IdentityHeadroom[]> {
  const partnerships = await db.partnership.findMany({
    where: { companyId: tenantId, status: "ACTIVE" },
    include: { vendor: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const identities = [
    {
      label: "Direct API keys (shared budget)",
      kind: "direct" as const,
      identity: rateLimitIdentity({ kind: "DIRECT", companyId: tenantId, vendorId: null, console: null }, tenantId, ""),
    },
    ...partnerships.map((p) => ({
      label: p.vendor.name,
      kind: "vendor" as const,
      identity: rateLimitIdentity({ kind: "VENDOR", companyId: null, vendorId: p.vendorId, console: null }, tenantId, ""),
    })),
  ];
  const states = await headroomOf(
    limiter,
    identities.map((i) => i.identity),
  );
  return identities.map((i, index) => {
    const state = states[index];
    if (!state) throw new Error("headroom: missing state");
    return { ...state, label: i.label, kind: i.kind };
  });
}

/** A vendor's current window for each hauler it acts for (one budget per vendor and hauler). */
export async function vendorHeadroom(limiter: Limiter, vendorId: string, tenantIds: readonly string[]): Promise<(Headroom & { tenantId: string })[]> {
  const identities = tenantIds.map((tenantId) => rateLimitIdentity({ kind: "VENDOR", companyId: null, vendorId, console: null }, tenantId, ""));
  const states = await headroomOf(limiter, identities);
  return tenantIds.map((tenantId, index) => {
    const state = states[index];
    if (!state) throw new Error("headroom: missing state");
    return { ...state, tenantId };
  });
}
