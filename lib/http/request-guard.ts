import "server-only";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { errorBody } from "@/lib/api/envelope";
import { ApiError } from "@/lib/api/errors";
import { newRequestId } from "@/lib/api/request-id";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

/**
 * Requests that fail inside Next before any route runs, answered here in the API's envelope:
 * - TRACE and TRACK: fetch's `Request` refuses them (Next builds one per request: 500) → 405;
 * - method names Node's HTTP parser does not know (a bare 400) → 405;
 * - a path that is not valid percent-encoded UTF-8 (`/api/v1/jobs/%ZZ`, `%C3%28`): Next cannot
 *   decode the dynamic segment (500) → 400.
 */
const REFUSED_BY_FETCH = new Set(["TRACE", "TRACK"]);
export const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

export type Refusal = { status: number; headers: Record<string, string>; body: string };

function refusal(error: ApiError, extra: Record<string, string> = {}): Refusal {
  const requestId = newRequestId();
  const body = JSON.stringify(errorBody(error, requestId));
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    "x-request-id": requestId,
    "cache-control": "no-store",
    ...extra,
  };
  for (const { key, value } of STATIC_SECURITY_HEADERS) headers[key.toLowerCase()] = value;
  return { status: error.status, headers, body };
}

export function methodRefusal(method: string): Refusal {
  const shown = /^[A-Za-z-]{1,20}$/.test(method) ? method.toUpperCase() : "This method";
  return refusal(new ApiError("METHOD_NOT_ALLOWED", `${shown} is not supported; use ${ALLOWED_METHODS}`), { allow: ALLOWED_METHODS });
}

function decodablePath(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The refusal for a request Next cannot handle, or null to let it through. */
export function guardRequest(method: string, url: string): Refusal | null {
  if (REFUSED_BY_FETCH.has(method)) return methodRefusal(method);
  if (!decodablePath(url)) return refusal(new ApiError("BAD_REQUEST", "The URL path is not valid percent-encoded UTF-8"));
  return null;
}

/** A parser error carries no request to answer: write the response on the socket and close it. */
function refuseOnSocket(socket: Duplex): void {
  const answer = methodRefusal("");
  const head = Object.entries({ ...answer.headers, connection: "close" })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\n${head}\r\n${answer.body}`);
}

// On the prototype, not in this module: the fast path's bundle and Next's chunks each hold a copy.
const INSTALLED = Symbol.for("klau.requestGuard");

/**
 * Answers those requests before Next sees them, for every HTTP server of this process (`next start`
 * creates its own; the hook is its prototype's emit, installed once at start, server/startup.ts).
 */
export function installRequestGuard(prototype: Server): void {
  const marked = prototype as Server & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  const emit = prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function guardedEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const answer = guardRequest(req.method ?? "", req.url ?? "/");
      if (answer) {
        res.writeHead(answer.status, answer.headers).end(answer.body);
        return true;
      }
    } else if (event === "clientError") {
      const [error, socket] = args as [NodeJS.ErrnoException, Duplex];
      if (error.code === "HPE_INVALID_METHOD" && socket.writable) {
        refuseOnSocket(socket);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as Server["emit"];
}
