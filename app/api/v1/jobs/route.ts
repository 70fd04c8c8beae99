import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createJobBody, listJobsQuery } from "@/lib/hauling/jobs/schemas";
import { createJob, listJobs } from "@/lib/hauling/jobs/service";

export const GET = defineRoute({ resource: "jobs", query: listJobsQuery }, async ({ db, tenant, query }) => {
  const page = await listJobs(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute({ resource: "jobs", body: createJobBody, status: 201, location: (id) => `/api/v1/jobs/${id}` }, ({ db, tenant, body }) =>
  createJob(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
