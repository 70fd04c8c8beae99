/**
 * Bench only (`npm run bench`, KLAU_API_ADAPTER=hono): the same route modules and pipeline behind
 * @hono/node-server's adapter instead of ours (lib/http/fast-path/adapter.ts), to compare the two
 * on the same machine. Hono replaces the global Request/Response with its lightweight ones (for the
 * whole process), which is how it avoids undici's costs. Not shipped: @hono/node-server is a dev
 * dependency, and scripts/server.mjs loads this bundle only when asked.
 */
import { getRequestListener } from "@hono/node-server";
import { consoleRoutes, routes } from "klau:api-routes";
import { type ApiListener, createApiListener, handlerFor, METHODS, STATIC_HEADERS } from "@/lib/http/fast-path/adapter";
import { apiSegments, compileRoutes, type RouteMatch } from "@/lib/http/fast-path/route-table";

export { ensureConfigOnStart } from "@/lib/config";
export { disconnectDb } from "@/lib/db/client";
export { flushRequestLog } from "@/lib/request-log";
export { startServerOnce } from "./startup";

export const routeCount = routes.length;

/** The console's send as in the shipped bundle (our adapter): only the API is compared. */
export function consoleListener(): ApiListener {
  return createApiListener(compileRoutes(consoleRoutes), "/api/console");
}
const matches = new WeakMap<object, RouteMatch>();

export function apiListener(): ApiListener {
  const table = compileRoutes(routes);
  const listener = getRequestListener(async (request, env: { incoming: object }) => {
    const match = matches.get(env.incoming) as RouteMatch;
    const handler = handlerFor(match.module, request.method);
    const response = typeof handler === "function" ? await handler(request, { params: Promise.resolve(match.params) }) : handler;
    for (const [name, value] of Object.entries(STATIC_HEADERS)) if (!response.headers.has(name)) response.headers.set(name, String(value));
    return response;
  });
  return (req, res) => {
    if (!METHODS.has(req.method ?? "")) return false;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const segments = apiSegments(query === -1 ? url : url.slice(0, query));
    const match = segments && table.match(segments);
    if (!match) return false;
    matches.set(req, match);
    void listener(req, res);
    return true;
  };
}
