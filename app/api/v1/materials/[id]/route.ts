import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateMaterialBody } from "@/lib/hauling/materials/schemas";
import { deleteMaterial, getMaterial, updateMaterial } from "@/lib/hauling/materials/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "materials", params: idParams }, ({ db, tenant, params }) => getMaterial(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "materials", params: idParams, body: updateMaterialBody }, ({ db, tenant, params, body }) =>
  updateMaterial(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "materials", params: idParams }, ({ db, tenant, params }) => deleteMaterial(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
