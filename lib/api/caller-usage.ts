import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { headroomOf } from "@/lib/ratelimit/headroom";
import { type RateLimitedCaller, rateLimitIdentity } from "@/lib/ratelimit/identity";
import { processLimiter } from "@/lib/ratelimit/limit";
import type { AccessScope } from "@/lib/tenancy/scope";
import { type UsageQuery, usageRange } from "@/lib/request-log/range";
import { usageReport } from "@/lib/request-log/usage";
import type { CallerUsage } from "@/lib/request-log/usage-schema";

export type UsageCaller = { tenantId: string } & Pick<RateLimitedCaller, "kind" | "vendorId" | "console">;

/**
 * GET /api/v1/usage: a direct key sees its tenant's usage (all of the tenant's traffic, as on the
 * usage page); a vendor key sees only its own requests for the tenant it acts for. Both get the
 * headroom of the identity they are rate limited as.
 */
export async function callerUsage(db: DbClient, caller: UsageCaller, query: UsageQuery): Promise<CallerUsage> {
  const range = usageRange(query);
  const vendorId = caller.kind === "VENDOR" ? caller.vendorId : null;
  const scope: AccessScope = vendorId ? { kind: "vendor", vendorId } : { kind: "company", companyId: caller.tenantId, includeDivisions: false };
  const identity = rateLimitIdentity(
    { kind: caller.kind, companyId: vendorId ? null : caller.tenantId, vendorId, console: caller.console },
    caller.tenantId,
    "",
  );
  const [report, [rateLimit]] = await Promise.all([
    usageReport(db, scope, range, { companyId: caller.tenantId }),
    processLimiter().then((limiter) => headroomOf(limiter, [identity])),
  ]);
  if (!rateLimit) throw new Error("headroom: no identity");
  return { ...report, rateLimit };
}
