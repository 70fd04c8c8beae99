import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createTruckBody, listTrucksQuery } from "@/lib/hauling/trucks/schemas";
import { createTruck, listTrucks } from "@/lib/hauling/trucks/service";

export const GET = defineRoute({ resource: "trucks", query: listTrucksQuery }, async ({ db, tenant, query }) => {
  const page = await listTrucks(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute({ resource: "trucks", body: createTruckBody, status: 201, location: (id) => `/api/v1/trucks/${id}` }, ({ db, tenant, body }) =>
  createTruck(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
