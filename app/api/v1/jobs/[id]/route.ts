import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { updateJobBody } from "@/lib/hauling/jobs/schemas";
import { deleteJob, getJob, updateJob } from "@/lib/hauling/jobs/service";
import { idParams } from "@/lib/hauling/shared/ids";

export const GET = defineRoute({ resource: "jobs", params: idParams }, ({ db, tenant, params }) => getJob(db, tenant.id, params.id));

export const PATCH = defineRoute({ resource: "jobs", params: idParams, body: updateJobBody }, ({ db, tenant, params, body }) =>
  updateJob(db, tenant.id, params.id, body),
);

export const DELETE = defineRoute({ resource: "jobs", params: idParams }, ({ db, tenant, params }) => deleteJob(db, tenant.id, params.id));

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
