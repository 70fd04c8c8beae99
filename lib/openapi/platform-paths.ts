import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { usageQuery } from "@/lib/request-log/range";
import { callerUsageSchema } from "@/lib/request-log/usage-schema";
import type { Tenant } from "@/lib/tenancy/access";
import { leakedKeysBody } from "@/lib/keys/schemas";
import { dataEnvelope, errorResponses, standardHeaders } from "./components";
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
const shapesMatch: [Same<Omit<z.infer<typeof currentCompanySchema>, "isDivision">, Tenant>] = [true];
void shapesMatch;

const leakedKeysReceipt = z
  .object({ received: z.number().int().meta({ description: "How many keys the report held (the same answer whether or not any was live)" }) })
  .meta({ id: "LeakedKeysReceipt" });

/** Public: no API key (`security: []`), so it is built here rather than by `operation()`. */
const revokeLeakedKeys: ZodOpenApiOperationObject = {
  operationId: "revokeLeakedKeys",
  summary: "Report leaked API keys (no authentication)",
  description: [
    "Found a Klau API key where it should not be (a public repository, a log, a paste)? Post it here and it is revoked at once:",
    "every live key in the report stops working on its next request, and the owning company's audit log records the report",
    "with the reporting address. Like GitHub's credential-revocation API it needs no authentication, and it answers",
    "the same way whether or not a key existed, so it cannot be used to test keys. Up to 100 keys per request; rate",
    "limited per client address, one point per reported key.",
  ].join(" "),
  tags: ["Keys"],
  security: [],
  requestBody: { required: true, content: { "application/json": { schema: leakedKeysBody } } },
  responses: {
    202: {
      description: "The report was received (and every live key in it revoked)",
      headers: standardHeaders,
      content: { "application/json": { schema: dataEnvelope(leakedKeysReceipt) } },
    },
    400: errorResponses.badRequest,
    413: errorResponses.tooLarge,
    429: errorResponses.rateLimited,
    default: errorResponses.unexpected,
  },
};

export const platformPaths: ZodOpenApiPathsObject = {
  "/api/v1/keys/revoke-leaked": { post: revokeLeakedKeys },
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
