import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createYardBody, listYardsQuery } from "@/lib/hauling/yards/schemas";
import { createYard, listYards } from "@/lib/hauling/yards/service";

export const GET = defineRoute({ resource: "yards", query: listYardsQuery }, async ({ db, tenant, query }) => {
  const page = await listYards(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute({ resource: "yards", body: createYardBody, status: 201, location: (id) => `/api/v1/yards/${id}` }, ({ db, tenant, body }) =>
  createYard(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
