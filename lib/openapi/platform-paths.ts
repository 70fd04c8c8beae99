import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { usageQuery } from "@/lib/request-log/range";
import { callerUsageSchema } from "@/lib/request-log/usage-schema";
import type { Tenant } from "@/lib/tenancy/access";
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

// Compile-time guard: the documented shapes must stay the shapes the routes return.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesMatch: [
  Same<Omit<z.infer<typeof currentCompanySchema>, "isDivision">, Tenant>,
] = [true];
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
      summary: "API usage and rate-limit headroom",
      description:
        "The calling identity's API requests — a direct key: all of its company's; a vendor key: its own for the company it acts for — by hour or day and outcome, busiest endpoints, error codes, p50/p95 latency and per key, plus its current rate-limit window. The same figures as the usage page. `range=24h|7d|30d`, or `from`/`to` (UTC days, inclusive; at most 366 days). Default: the last 30 days.",
      tag: "Usage",
      query: usageQuery,
      success: { status: 200, description: "Usage report", schema: dataEnvelope(callerUsageSchema) },
    }),
  },
};
