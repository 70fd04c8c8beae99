import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createCustomerBody, listCustomersQuery } from "@/lib/hauling/customers/schemas";
import { createCustomer, listCustomers } from "@/lib/hauling/customers/service";

export const GET = defineRoute({ resource: "customers", query: listCustomersQuery }, async ({ db, tenant, query }) => {
  const page = await listCustomers(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute(
  { resource: "customers", body: createCustomerBody, status: 201, location: (id) => `/api/v1/customers/${id}` },
  ({ db, tenant, body }) => createCustomer(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
