import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { usageForTenant, usageQuery } from "@/lib/request-log/usage";

/** This tenant's request counts by day and status. */
export const GET = defineRoute({ resource: "usage", query: usageQuery }, ({ db, tenant, query }) =>
  usageForTenant(db, tenant.id, query),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
