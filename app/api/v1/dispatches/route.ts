import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createDispatchBody, listDispatchesQuery } from "@/lib/hauling/dispatches/schemas";
import { createDispatch, listDispatches } from "@/lib/hauling/dispatches/service";

export const GET = defineRoute({ resource: "dispatches", query: listDispatchesQuery }, async ({ db, tenant, query }) => {
  const page = await listDispatches(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute(
  { resource: "dispatches", body: createDispatchBody, status: 201, location: (id) => `/api/v1/dispatches/${id}` },
  ({ db, tenant, body }) => createDispatch(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
