import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { UsageDay, UsageReport } from "@/lib/request-log/usage";
import { usageQuery } from "@/lib/request-log/usage";
import type { Tenant } from "@/lib/tenancy/resolve";
import { dataEnvelope } from "./components";
import { operation } from "./operation";

/** Documentation of the non-CRUD endpoints (routes owned by the pipeline's author). */
export const currentCompanySchema = z
  .object({
    id: z.string().meta({ format: "uuid", example: "a0000000-0000-4000-8000-000000000002" }),
    name: z.string().meta({ example: "Acme Waste — North Division" }),
    parentId: z.string().nullable().meta({ description: "The corporate parent, for a division" }),
    isDivision: z.boolean(),
  })
  .meta({ id: "CurrentCompany" });

const usageDaySchema = z
  .object({
    date: z.string().meta({ format: "date", example: "2026-03-15" }),
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()).meta({ description: "Requests per HTTP status", example: { "200": 412, "404": 3 } }),
  })
  .meta({ id: "UsageDay" });

export const usageReportSchema = z
  .object({
    from: z.string().meta({ format: "date" }),
    to: z.string().meta({ format: "date" }),
    total: z.number().int(),
    days: z.array(usageDaySchema).meta({ description: "Days with at least one request, oldest first" }),
  })
  .meta({ id: "UsageReport" });

// Compile-time guard: the documented shapes must stay the shapes the routes return.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesMatch: [
  Same<z.infer<typeof usageReportSchema>, UsageReport>,
  Same<z.infer<typeof usageDaySchema>, UsageDay>,
  Same<Omit<z.infer<typeof currentCompanySchema>, "isDivision">, Tenant>,
] = [true, true, true];
void shapesMatch;

export const platformPaths: ZodOpenApiPathsObject = {
  "/api/v1/companies/current": {
    get: operation({
      resource: "companies",
      method: "get",
      operationId: "getCurrentCompany",
      summary: "The company this request acts for",
      description: "The key's own company or division, or — for a vendor key — the company named by `Klau-Tenant-Id`.",
      tag: "Companies",
      success: { status: 200, description: "The current tenant", schema: dataEnvelope(currentCompanySchema) },
    }),
  },
  "/api/v1/usage": {
    get: operation({
      resource: "usage",
      method: "get",
      operationId: "getUsage",
      summary: "API request counts by day and status",
      description: "This company's API requests per UTC day and HTTP status. Default range: the last 30 days; at most 366 days.",
      tag: "Usage",
      query: usageQuery,
      success: { status: 200, description: "Usage report", schema: dataEnvelope(usageReportSchema) },
    }),
  },
};
