import "server-only";
import { ApiError } from "@/lib/api/errors";
import { readBody } from "@/lib/api/steps/read-body";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { ActionResult } from "@/lib/actions/create-actions";
import { withRequestHeaders } from "@/lib/request-context/request-headers";

/** A console call carries a body of up to 1 MB (lib/console/call.ts), so that it gets its own message. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

function answer(result: ActionResult<unknown>): Response {
  const status = result.ok ? 200 : ERROR_STATUS[result.error.code];
  return Response.json(result, { status, headers: { "cache-control": "no-store" } });
}

function refuse(code: ErrorCode, message: string): Response {
  return answer({ ok: false, error: { code, message } });
}

/**
 * Serves an authorized action (made by `authorizedAction`, which does every check) as a JSON route
 * handler, for the one place where Next's server-action round trip is too slow: the console's send
 * (about 11 ms of action decoding, RSC encoding and the proxy per call, against a budget of 10 ms
 * for all of the console's work). What Next does for its actions is done here: the request must
 * come from this app's own pages (Origin = Host, as Next's action check), be JSON (a cross-site form
 * cannot send that without a CORS preflight, which this route never grants), and stay small.
 */
export function actionRoute<I, R>(action: (input: I) => Promise<ActionResult<R>>): (request: Request) => Promise<Response> {
  return async (request) => {
    const origin = request.headers.get("origin");
    const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
    if (!origin || !host || URL.canParse(origin) === false || new URL(origin).host !== host) {
      return refuse("FORBIDDEN", "This endpoint only answers this app's own pages");
    }
    if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
      return refuse("UNSUPPORTED_MEDIA_TYPE", "Send the call as application/json");
    }
    // Any JSON: the action parses it with its zod schema (a wrong shape is its VALIDATION_ERROR).
    let input: I;
    try {
      // The API's own reader: Content-Length checked first, then the streamed size, strict UTF-8.
      input = JSON.parse(await readBody(request, BODY_LIMIT_BYTES)) as I;
    } catch (error) {
      if (error instanceof ApiError) return refuse(error.code, error.message);
      return refuse("INVALID_JSON", "The request body is not valid JSON");
    }
    return answer(await withRequestHeaders(request.headers, () => action(input)));
  };
}
