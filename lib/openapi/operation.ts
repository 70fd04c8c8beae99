import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { isCachedResource } from "@/lib/read-cache/hauling-changes";
import type { Resource } from "@/lib/scopes/catalog";
import { requiredScope } from "@/lib/scopes/match";
import { cacheControlParam, errorResponses, idempotencyKeyParam, standardHeaders, tenantIdParam } from "./components";

export type HttpMethod = "get" | "post" | "patch" | "delete";

type OperationSpec = {
  resource: Resource;
  method: HttpMethod;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  success: { status: number; description: string; schema: z.ZodType; headers?: z.ZodObject };
  /** Failures specific to this operation (auth, scope, rate limit and 5xx are added for all). */
  errors?: Partial<Record<number, ZodOpenApiResponseObject>>;
};

/**
 * One operation with everything the pipeline applies to it: the scope it needs (derived from
 * method and resource exactly like the authorizer), the tenant header, Idempotency-Key on writes,
 * Cache-Control on the GETs the read cache serves.
 */
export function operation(spec: OperationSpec): ZodOpenApiOperationObject {
  const scope = requiredScope(spec.method, spec.resource);
  const writes = spec.method !== "get";
  const header = z.object({
    "Klau-Tenant-Id": tenantIdParam,
    ...(writes ? { "Idempotency-Key": idempotencyKeyParam } : {}),
    ...(!writes && isCachedResource(spec.resource) ? { "Cache-Control": cacheControlParam } : {}),
  });
  const responses: ZodOpenApiResponsesObject = {
    [spec.success.status]: {
      description: spec.success.description,
      headers: spec.success.headers ?? standardHeaders,
      content: { "application/json": { schema: spec.success.schema } },
    },
    ...(writes || spec.query ? { 400: errorResponses.badRequest } : {}),
    401: errorResponses.unauthorized,
    403: errorResponses.forbidden,
    ...(writes ? { 409: errorResponses.conflict, 413: errorResponses.tooLarge, 422: errorResponses.reused } : {}),
    ...spec.errors,
    429: errorResponses.rateLimited,
    default: errorResponses.unexpected,
  };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: [spec.description, `**Required scope:** \`${scope}\``].filter(Boolean).join("\n\n"),
    tags: [spec.tag],
    "x-required-scope": scope,
    requestParams: { header, ...(spec.path ? { path: spec.path } : {}), ...(spec.query ? { query: spec.query } : {}) },
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
    responses,
  };
}
