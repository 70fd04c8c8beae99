import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateDispatchBody } from "@/lib/hauling/dispatches/schemas";
import { deleteDispatch, getDispatch, updateDispatch } from "@/lib/hauling/dispatches/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "dispatches", params: idParams }, ({ db, tenant, params }) => getDispatch(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "dispatches", params: idParams, body: updateDispatchBody }, ({ db, tenant, params, body }) =>
  updateDispatch(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "dispatches", params: idParams }, ({ db, tenant, params }) => deleteDispatch(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
