import type { KeyRecord } from "@/lib/keys/cache";

/**
 * Who a request is counted against (issue 3 §4): a direct key → its company (all of the company's
 * keys share one budget); a vendor → per hauler it acts for, so one hauler's traffic cannot starve
 * another's; a vendor whose tenant could not be resolved → the vendor itself; no valid key → client IP.
 */
export function rateLimitIdentity(key: Pick<KeyRecord, "kind" | "companyId" | "vendorId"> | null, tenantId: string | null, ip: string): string {
  if (key?.kind === "DIRECT" && key.companyId) return `company:${key.companyId}`;
  if (key?.kind === "VENDOR" && key.vendorId) return tenantId ? `vendor:${key.vendorId}:${tenantId}` : `vendor:${key.vendorId}`;
  return `ip:${ip}`;
}
