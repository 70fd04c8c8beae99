import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { callerUsage } from "@/lib/api/caller-usage";
import { usageQuery } from "@/lib/request-log/range";

/** The calling identity's usage: the same figures as the usage page, plus its rate-limit headroom. */
export const GET = defineRoute({ resource: "usage", query: usageQuery }, ({ db, tenant, auth, query }) =>
  callerUsage(db, { tenantId: tenant.id, kind: auth.kind, vendorId: auth.vendorId, console: auth.console }, query),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
