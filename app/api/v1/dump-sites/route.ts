import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createDumpSiteBody, listDumpSitesQuery } from "@/lib/hauling/dump-sites/schemas";
import { createDumpSite, listDumpSites } from "@/lib/hauling/dump-sites/service";

export const GET = defineRoute({ resource: "dump-sites", query: listDumpSitesQuery }, async ({ db, tenant, query }) => {
  const page = await listDumpSites(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute(
  { resource: "dump-sites", body: createDumpSiteBody, status: 201, location: (id) => `/api/v1/dump-sites/${id}` },
  ({ db, tenant, body }) => createDumpSite(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
