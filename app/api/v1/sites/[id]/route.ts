import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateSiteBody } from "@/lib/hauling/sites/schemas";
import { deleteSite, getSite, updateSite } from "@/lib/hauling/sites/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "sites", params: idParams }, ({ db, tenant, params }) => getSite(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "sites", params: idParams, body: updateSiteBody }, ({ db, tenant, params, body }) =>
  updateSite(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "sites", params: idParams }, ({ db, tenant, params }) => deleteSite(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
