import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { errorBody } from "@/lib/api/envelope";
import { ApiError } from "@/lib/api/errors";
import { newRequestId } from "@/lib/api/request-id";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

/**
 * Methods no route of this app serves that never reach a route: fetch's `Request` refuses TRACE
 * and TRACK (Next builds one per request and answered 500), and Node's HTTP parser refuses names
 * it does not know (answered a bare 400). Both get 405 METHOD_NOT_ALLOWED in the API's envelope.
 */
const REFUSED_BY_FETCH = new Set(["TRACE", "TRACK"]);
export const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

export type Refusal = { status: 405; headers: Record<string, string>; body: string };

export function methodRefusal(method: string): Refusal {
  const requestId = newRequestId();
  const shown = /^[A-Za-z-]{1,20}$/.test(method) ? method.toUpperCase() : "This method";
  const error = new ApiError("METHOD_NOT_ALLOWED", `${shown} is not supported; use ${ALLOWED_METHODS}`);
  const body = JSON.stringify(errorBody(error, requestId));
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    allow: ALLOWED_METHODS,
    "x-request-id": requestId,
    "cache-control": "no-store",
  };
  for (const { key, value } of STATIC_SECURITY_HEADERS) headers[key.toLowerCase()] = value;
  return { status: 405, headers, body };
}

function refuseRequest(res: ServerResponse, method: string): void {
  const refusal = methodRefusal(method);
  res.writeHead(refusal.status, refusal.headers).end(refusal.body);
}

/** A parser error carries no request to answer: write the response on the socket and close it. */
function refuseOnSocket(socket: Duplex): void {
  const refusal = methodRefusal("");
  const head = Object.entries({ ...refusal.headers, connection: "close" }).map(([k, v]) => `${k}: ${v}\r\n`).join("");
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\n${head}\r\n${refusal.body}`);
}

let installed = false;

/**
 * Answers those methods before Next sees them, for every HTTP server of this process (`next start`
 * creates its own; the hook is its prototype's emit, installed once from instrumentation.ts).
 */
export function installMethodGuard(prototype: Server): void {
  if (installed) return;
  installed = true;
  const emit = prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function guardedEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (REFUSED_BY_FETCH.has(req.method ?? "")) {
        refuseRequest(res, req.method ?? "");
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
