import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { createMaterialBody, listMaterialsQuery } from "@/lib/hauling/materials/schemas";
import { createMaterial, listMaterials } from "@/lib/hauling/materials/service";

export const GET = defineRoute({ resource: "materials", query: listMaterialsQuery }, async ({ db, tenant, query }) => {
  const page = await listMaterials(db, tenant.id, query);
  return paginated(page.items, page.nextCursor);
});

export const POST = defineRoute(
  { resource: "materials", body: createMaterialBody, status: 201, location: (id) => `/api/v1/materials/${id}` },
  ({ db, tenant, body }) => createMaterial(db, tenant.id, body),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
