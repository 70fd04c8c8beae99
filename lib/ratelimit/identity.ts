import "server-only";
/** What the limiter needs to know of a caller (an API key or a console session). */
export type RateLimitedCaller = {
  kind: "DIRECT" | "VENDOR";
  companyId: string | null;
  vendorId: string | null;
  /** Set for a console session: the signed-in user it speaks for. */
  console: { userId: string } | null;
};

/**
 * Who a request is counted against (issue 3 §4): a direct key → its company (all of the company's
 * keys share one budget); a vendor → per hauler it acts for, so one hauler's traffic cannot starve
 * another's; a vendor whose tenant could not be resolved → the vendor itself; no valid key → client IP.
 * A console session is its own identity (per user and tenant), so trying calls in the console never
 * spends the budget of the tenant's integrations.
 */
export function rateLimitIdentity(key: RateLimitedCaller | null, tenantId: string | null, ip: string): string {
  if (key?.console) return `console:${key.console.userId}:${tenantId ?? key.companyId ?? key.vendorId ?? ""}`;
  if (key?.kind === "DIRECT" && key.companyId) return `company:${key.companyId}`;
  if (key?.kind === "VENDOR" && key.vendorId) return tenantId ? `vendor:${key.vendorId}:${tenantId}` : `vendor:${key.vendorId}`;
  return `ip:${ip}`;
}
