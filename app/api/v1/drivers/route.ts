import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createDriverBody, listDriversQuery } from "@/lib/hauling/drivers/schemas";
import { createDriver, listDrivers } from "@/lib/hauling/drivers/service";

export const GET = defineRoute({ resource: "drivers", query: listDriversQuery }, async ({ db, tenant, query }) => {
  const page = await listDrivers(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute(
  { resource: "drivers", body: createDriverBody, status: 201, location: (id) => `/api/v1/drivers/${id}` },
  ({ db, tenant, body }) => createDriver(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
