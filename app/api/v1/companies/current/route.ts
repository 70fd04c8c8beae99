import { defineRoute, methodsNotAllowed } from "@/lib/api/define-route";

/** The tenant this request acts for (the key's company, or the vendor's Klau-Tenant-Id). */
export const GET = defineRoute({ resource: "companies" }, ({ tenant }) => ({
  id: tenant.id,
  name: tenant.name,
  parentId: tenant.parentId,
  isDivision: tenant.parentId !== null,
}));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
