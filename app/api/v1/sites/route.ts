import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createSiteBody, listSitesQuery } from "@/lib/hauling/sites/schemas";
import { createSite, listSites } from "@/lib/hauling/sites/service";

export const GET = defineRoute({ resource: "sites", query: listSitesQuery }, async ({ db, tenant, query }) => {
  const page = await listSites(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute({ resource: "sites", body: createSiteBody, status: 201, location: (id) => `/api/v1/sites/${id}` }, ({ db, tenant, body }) =>
  createSite(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
