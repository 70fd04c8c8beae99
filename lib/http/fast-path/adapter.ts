import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { errorBody } from "@/lib/api/envelope";
import { ApiError } from "@/lib/api/errors";
import { newRequestId } from "@/lib/api/request-id";
import { registerPeerAddress } from "@/lib/ratelimit/peer-address";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";
import { LightHeaders } from "./light-headers";
import { LightResponse } from "./light-response";
import { NodeRequest } from "./node-request";
import { apiSegments, type RouteHandlerFn, type RouteModule, type RouteTable } from "./route-table";

/**
 * The API fast path: a Node request for /api/v1 goes to the route module's exported handler (the
 * same `defineRoute` pipeline Next runs) without Next's router, its undici Request/Response or its
 * response streaming. Returns false for what it leaves to Next (see apiSegments, unknown methods).
 * Next's behaviour for route modules is kept: HEAD runs GET, OPTIONS answers 204 with `Allow`,
 * other missing methods a bare 405; the static security headers of next.config.ts come first.
 * Body limits: the pipeline refuses more than 1 MB (lib/api/steps/read-body.ts, 413); the rest of
 * such a body is drained up to a bound (node-request.ts), Node's requestTimeout bounds slow ones.
 */
export type ApiListener = (req: IncomingMessage, res: ServerResponse) => boolean;

// Next's HTTP_METHODS (next/dist/server/web/http): anything else goes to Next as before.
export const METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
export const STATIC_HEADERS: OutgoingHttpHeaders = Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value]));

/** The module's handler for `method`, or the fixed answer Next gives when it has none. */
export type Resolved = RouteHandlerFn | Response;

export function handlerFor(module: RouteModule, method: string): Resolved {
  const exported = module[method];
  if (typeof exported === "function") return exported as RouteHandlerFn;
  if (method === "HEAD" && typeof module.GET === "function") return module.GET as RouteHandlerFn;
  if (method === "OPTIONS") {
    const implemented = [...METHODS].filter((m) => typeof module[m] === "function");
    const allow = new Set(["OPTIONS", ...implemented, ...(implemented.includes("GET") ? ["HEAD"] : [])]);
    return new LightResponse(null, { status: 204, headers: { Allow: [...allow].sort().join(", ") } }) as unknown as Response;
  }
  return new LightResponse(null, { status: 405 }) as unknown as Response;
}

function requestUrl(req: IncomingMessage): string {
  const host = req.headers.host;
  return `http://${host && HOST.test(host) ? host : "localhost"}${req.url ?? "/"}`;
}

/** STATIC_HEADERS as Node's raw list, for answers written from a LightHeaders. */
const STATIC_RAW: readonly string[] = Object.entries(STATIC_HEADERS).flatMap(([name, value]) => [name, String(value)]);

/** The answer's headers for `writeHead`, with `Content-Length` when the body's length is known. */
function headersOf(response: Response, contentLength: number | undefined): OutgoingHttpHeaders | string[] {
  const light = response.headers as unknown;
  if (light instanceof LightHeaders) {
    if (contentLength !== undefined) light.set("content-length", String(contentLength));
    return light.toRaw(STATIC_RAW);
  }
  const out: OutgoingHttpHeaders = { ...STATIC_HEADERS };
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  if (contentLength !== undefined) out["content-length"] = contentLength;
  return out;
}

async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const plain = response instanceof LightResponse ? response.plainBody : undefined;
  if (plain !== undefined) {
    const length = plain === null ? undefined : typeof plain === "string" ? Buffer.byteLength(plain) : plain.byteLength;
    res.writeHead(response.status, headersOf(response, length));
    res.end(req.method === "HEAD" ? undefined : (plain ?? undefined));
    return;
  }
  res.writeHead(response.status, headersOf(response, undefined));
  const body = response.body;
  if (!body || req.method === "HEAD") {
    res.end();
    return;
  }
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    if (res.destroyed) break;
    res.write(chunk);
  }
  res.end();
}

function writeInternalError(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const requestId = newRequestId();
  const body = JSON.stringify(errorBody(new ApiError("INTERNAL_ERROR", "An unexpected error occurred"), requestId));
  res.writeHead(500, {
    ...STATIC_HEADERS,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-request-id": requestId,
    "cache-control": "no-store",
  });
  res.end(body);
}

async function serve(req: IncomingMessage, res: ServerResponse, handler: Resolved, params: Record<string, string | string[]>): Promise<void> {
  try {
    let response: Response;
    if (typeof handler === "function") {
      const request = new NodeRequest(req, requestUrl(req));
      const peer = req.socket.remoteAddress;
      // As Next does for its handlers: a request that came without X-Forwarded-For (no proxy in
      // front) gets the socket's address there, so the trusted-proxy rule reads the same on both paths.
      if (peer && !request.headers.has("x-forwarded-for")) request.headers.set("x-forwarded-for", peer);
      registerPeerAddress(request.headers, peer);
      response = await handler(request as unknown as Request, { params: Promise.resolve(params) });
    } else {
      response = handler;
    }
    await writeResponse(req, res, response);
  } catch (error) {
    console.error("[fast-path] unexpected error:", error);
    writeInternalError(res);
  }
}

export function createApiListener(routes: RouteTable, prefix = "/api/v1"): ApiListener {
  return (req, res) => {
    const method = req.method ?? "";
    if (!METHODS.has(method)) return false;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const segments = apiSegments(query === -1 ? url : url.slice(0, query), prefix);
    if (!segments) return false;
    const match = routes.match(segments);
    if (!match) return false;
    void serve(req, res, handlerFor(match.module, method), match.params);
    return true;
  };
}
