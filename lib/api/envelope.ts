import "server-only";
import type { ApiError } from "./errors";
import { isPaginated } from "./pagination";

/** `{"data": …}` (and `pagination` for list results), the success shape of spec §5. */
export function successBody(result: unknown): Record<string, unknown> {
  if (isPaginated(result)) return { data: result.items, pagination: { nextCursor: result.nextCursor } };
  return { data: result ?? null };
}

/** `{"error": {"code", "message", "requestId", …details}}`, the failure shape of spec §5. */
export function errorBody(error: ApiError, requestId: string): { error: Record<string, unknown> } {
  return { error: { code: error.code, message: error.message, ...error.details, requestId } };
}

export function jsonResponse(body: unknown, status: number, headers: Headers): Response {
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status, headers });
}

export function errorResponse(error: ApiError, requestId: string, headers: Headers): Response {
  for (const [name, value] of Object.entries(error.headers)) headers.set(name, value);
  return jsonResponse(errorBody(error, requestId), error.status, headers);
}
