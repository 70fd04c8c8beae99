import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateTruckBody } from "@/lib/hauling/trucks/schemas";
import { deleteTruck, getTruck, updateTruck } from "@/lib/hauling/trucks/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "trucks", params: idParams }, ({ db, tenant, params }) => getTruck(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "trucks", params: idParams, body: updateTruckBody }, ({ db, tenant, params, body }) =>
  updateTruck(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "trucks", params: idParams }, ({ db, tenant, params }) => deleteTruck(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
