import { z } from "zod";
import type { ZodOpenApiResponseObject } from "zod-openapi";
import { ERROR_CODES } from "@/lib/errors";
import { byteLabel, MAX_BODY_BYTES } from "@/lib/validation/body-limit";

/** Reusable pieces of the document: envelopes, errors, headers, parameters, security schemes. */

export const errorSchema = z
  .object({
    error: z.looseObject({
      code: z.enum(ERROR_CODES).meta({ description: "Machine-readable, UPPER_SNAKE_CASE" }),
      message: z.string().meta({ example: "Job not found" }),
      requestId: z.string().meta({ description: "Same as the x-request-id response header; quote it when asking for support" }),
      fields: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: "VALIDATION_ERROR: one entry per invalid field" }),
      requiredScope: z.string().optional().meta({ description: "INSUFFICIENT_SCOPE: the scope the request needs", example: "write:jobs" }),
    }),
  })
  .meta({ id: "Error", description: 'Every failure: `{"error": {"code", "message", …}}`' });

export function dataEnvelope(item: z.ZodType) {
  return z.object({ data: item });
}

export const paginationSchema = z
  .object({
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null on the last page" }),
  })
  .meta({ id: "Pagination" });

export function listEnvelope(item: z.ZodType) {
  return z.object({ data: z.array(item), pagination: paginationSchema });
}

const header = (id: string, schema: z.ZodType, description: string) => schema.meta({ description, header: { id } });

const requestIdHeader = header("X-Request-Id", z.string(), "Unique id of this request (also in error bodies)");
const rateLimitHeaders = {
  "x-ratelimit-limit": header("X-RateLimit-Limit", z.number().int(), "Requests allowed per window (500 per 15 minutes)"),
  "x-ratelimit-remaining": header("X-RateLimit-Remaining", z.number().int(), "Requests left in the current window"),
  "x-ratelimit-reset": header("X-RateLimit-Reset", z.number().int(), "Seconds until the window resets (a delay, not a timestamp)"),
  ratelimit: header("RateLimit", z.string(), "IETF RateLimit field: `limit=500, remaining=499, reset=900`"),
  "ratelimit-policy": header("RateLimit-Policy", z.string(), "IETF RateLimit-Policy field: `500;w=900`"),
};

export const standardHeaders = z.object({ "x-request-id": requestIdHeader, ...rateLimitHeaders });
export const createdHeaders = z.object({
  "x-request-id": requestIdHeader,
  location: header("Location", z.string(), "URL of the created resource"),
  ...rateLimitHeaders,
});
export const retryAfterHeader = header("Retry-After", z.number().int(), "Seconds to wait before retrying");

// Header parameters carry no `example`: Swagger UI pre-fills examples into "Try it out", which
// would send a foreign tenant id or replay an idempotency key.
export const tenantIdParam = z
  .guid()
  .optional()
  .meta({
    description:
      "The company (tenant) to act for. **Required for vendor keys** (403 TENANT_HEADER_REQUIRED without it; 403 " +
      "TENANT_ACCESS_DENIED without an active partnership). Direct keys act for their own company and may omit it; naming " +
      "another company → 403. Can also be set once with the Authorize button.",
    param: { id: "KlauTenantId" },
  });

export const cacheControlParam = z
  .string()
  .optional()
  .meta({
    description:
      "Send `no-cache` to read past the instance's read cache, straight from the database. Answers are cached per " +
      "instance and dropped when the database notifies a change; with several instances, a read on one instance right " +
      "after a write acknowledged by another can be stale for as long as that notification takes (see the API docs: " +
      "typically a few milliseconds). `no-cache` gives read-your-writes across instances.",
    param: { id: "CacheControl" },
    example: "no-cache",
  });

export const idempotencyKeyParam = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({
    description:
      "Makes the request safe to retry (1–255 printable characters, e.g. a UUID). Within 24 hours a repeat with the same key returns the " +
      "original response with `X-Idempotency-Hit: true` and does not execute again; the same key with a different method, " +
      "path or body → 422 IDEMPOTENCY_KEY_REUSED; while the first is still running → 409 IDEMPOTENCY_KEY_IN_USE.",
    param: { id: "IdempotencyKey" },
  });

export const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "kl_live_…",
    description: "An API key: `Authorization: Bearer kl_live_…`. Direct keys (Settings → Developer) or vendor keys (issued by an operator).",
  },
  klauTenantId: {
    type: "apiKey",
    in: "header",
    name: "Klau-Tenant-Id",
    description: "Vendor keys only: the id of the company to act for (needs an active partnership granting the scope).",
  },
} as const;

/** Direct keys: bearer alone. Vendor keys: bearer plus the tenant header. */
export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { bearerAuth: [], klauTenantId: [] }];

function errorResponse(id: string, description: string): ZodOpenApiResponseObject {
  return { id, description, headers: standardHeaders, content: { "application/json": { schema: errorSchema } } };
}

export const errorResponses = {
  badRequest: errorResponse("BadRequest", "INVALID_JSON, VALIDATION_ERROR (each field listed), BAD_REQUEST or INVALID_IDEMPOTENCY_KEY"),
  unauthorized: errorResponse("Unauthorized", "UNAUTHORIZED: missing, malformed, unknown, revoked or expired API key"),
  forbidden: errorResponse("Forbidden", "INSUFFICIENT_SCOPE (with `requiredScope`), TENANT_MISMATCH, TENANT_HEADER_REQUIRED or TENANT_ACCESS_DENIED"),
  notFound: errorResponse("NotFound", 'NOT_FOUND, e.g. "Job not found" (also for ids of other tenants)'),
  conflict: errorResponse("Conflict", "CONFLICT (the resource's state forbids it) or IDEMPOTENCY_KEY_IN_USE"),
  tooLarge: errorResponse("PayloadTooLarge", `PAYLOAD_TOO_LARGE: the body is over ${byteLabel(MAX_BODY_BYTES)}`),
  reused: errorResponse("IdempotencyKeyReused", "IDEMPOTENCY_KEY_REUSED: the key was used for a different request"),
  rateLimited: {
    id: "RateLimited",
    description: "RATE_LIMITED: over 500 requests in 15 minutes for this identity",
    headers: standardHeaders.extend({ "retry-after": retryAfterHeader }),
    content: { "application/json": { schema: errorSchema } },
  } satisfies ZodOpenApiResponseObject,
  unexpected: errorResponse("UnexpectedError", "INTERNAL_ERROR (500, with the request id) or SERVICE_UNAVAILABLE (503)"),
};
