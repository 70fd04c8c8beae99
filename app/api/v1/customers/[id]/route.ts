import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateCustomerBody } from "@/lib/hauling/customers/schemas";
import { deleteCustomer, getCustomer, updateCustomer } from "@/lib/hauling/customers/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "customers", params: idParams }, ({ db, tenant, params }) => getCustomer(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "customers", params: idParams, body: updateCustomerBody }, ({ db, tenant, params, body }) =>
  updateCustomer(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "customers", params: idParams }, ({ db, tenant, params }) => deleteCustomer(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
