import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateDumpSiteBody } from "@/lib/hauling/dump-sites/schemas";
import { deleteDumpSite, getDumpSite, updateDumpSite } from "@/lib/hauling/dump-sites/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "dump-sites", params: idParams }, ({ db, tenant, params }) => getDumpSite(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "dump-sites", params: idParams, body: updateDumpSiteBody }, ({ db, tenant, params, body }) =>
  updateDumpSite(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "dump-sites", params: idParams }, ({ db, tenant, params }) => deleteDumpSite(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
