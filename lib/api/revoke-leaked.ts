import "server-only";
import type { Actor } from "@/lib/audit/types";
import { revokeLeakedKeys } from "@/lib/keys/leaked";
import { leakedKeysBody } from "@/lib/keys/schemas";
import type { PipelineDeps } from "./deps";
import { errorResponse, jsonResponse } from "./envelope";
import { ApiError } from "./errors";
import { toApiError } from "./map-error";
import { newRequestId } from "./request-id";
import { parseJsonBody, validate } from "./steps/parse";
import { rateLimit } from "./steps/rate-limit";
import { readBody } from "./steps/read-body";

/**
 * `POST /api/v1/keys/revoke-leaked`: anyone who finds a Klau key (a secret scanner, a stranger on a
 * forum) can kill it, like GitHub's credential-revocation API. No API key: holding the secret is the
 * proof. The answer is the same whether or not a key existed or was live, so it reveals nothing.
 * Rate limited per client address, one point per reported key (a 100-key report costs 100).
 */
const BODY_LIMIT = 64 * 1024;

async function report(request: Request, deps: PipelineDeps, ip: string, headers: Headers): Promise<Response> {
  const limiter = await deps.limiter();
  const identity = `revoke-leaked:${ip}`;
  // Every request costs a point before any parsing, so malformed floods are limited too; then one
  // more per further reported key.
  await rateLimit(limiter, identity, headers);
  const body = validate(leakedKeysBody, parseJsonBody(await readBody(request, BODY_LIMIT), request.headers.get("content-type")), "body");
  if (body.keys.length > 1) await rateLimit(limiter, identity, headers, body.keys.length - 1);
  const actor: Actor = { userId: null, label: "leaked-key report", ip: ip === "unknown" ? null : ip };
  return jsonResponse({ data: await revokeLeakedKeys(await deps.getDb(), actor, body.keys) }, 202, headers);
}

export async function handleLeakedKeyReport(request: Request, deps: PipelineDeps): Promise<Response> {
  const started = performance.now();
  const requestId = newRequestId();
  const headers = new Headers({ "x-request-id": requestId, "cache-control": "no-store" });
  const url = new URL(request.url);
  let response: Response;
  let errorCode: string | null = null;
  try {
    response = await report(request, deps, deps.clientIp(request.headers), headers);
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === "INTERNAL_ERROR") deps.logError(requestId, `POST ${url.pathname}`, error);
    errorCode = apiError.code;
    response = errorResponse(apiError, requestId, headers);
  }
  deps.recordRequest({
    apiKeyId: null,
    consoleUserId: null,
    companyId: null,
    vendorId: null,
    method: "POST",
    path: url.pathname,
    status: response.status,
    durationMs: Math.round(performance.now() - started),
    requestId,
    errorCode,
    scope: null,
    createdAt: new Date(),
  });
  return response;
}

/** Any other method: 405 with `Allow: POST`, in the envelope (no key needed to learn that). */
function methodNotAllowed(request: Request): Response {
  const requestId = newRequestId();
  const error = new ApiError("METHOD_NOT_ALLOWED", `${request.method} is not supported on /api/v1/keys/revoke-leaked; use POST`, {}, { Allow: "POST" });
  return errorResponse(error, requestId, new Headers({ "x-request-id": requestId, "cache-control": "no-store" }));
}

export function leakedKeyMethodsNotAllowed() {
  return { GET: methodNotAllowed, PUT: methodNotAllowed, PATCH: methodNotAllowed, DELETE: methodNotAllowed };
}
