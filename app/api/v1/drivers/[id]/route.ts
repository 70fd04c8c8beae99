import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateDriverBody } from "@/lib/hauling/drivers/schemas";
import { deleteDriver, getDriver, updateDriver } from "@/lib/hauling/drivers/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "drivers", params: idParams }, ({ db, tenant, params }) => getDriver(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "drivers", params: idParams, body: updateDriverBody }, ({ db, tenant, params, body }) =>
  updateDriver(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "drivers", params: idParams }, ({ db, tenant, params }) => deleteDriver(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
