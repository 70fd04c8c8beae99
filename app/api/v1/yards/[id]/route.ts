import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateYardBody } from "@/lib/hauling/yards/schemas";
import { deleteYard, getYard, updateYard } from "@/lib/hauling/yards/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "yards", params: idParams }, ({ db, tenant, params }) => getYard(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "yards", params: idParams, body: updateYardBody }, ({ db, tenant, params, body }) =>
  updateYard(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "yards", params: idParams }, ({ db, tenant, params }) => deleteYard(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
