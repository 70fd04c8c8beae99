import "server-only";
import type { z } from "zod";
import type { Resource } from "@/lib/scopes/catalog";
import type { HandlerContext } from "./context";
import { ApiError } from "./errors";
import { defaultDeps } from "./default-deps";
import type { PipelineDeps } from "./deps";
import { type AnyHandler, type RawParams, type RouteSpec, runPipeline } from "./pipeline";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteOptions<Q, B, P> = {
  /** The seed resource served; the required scope is `read:`/`write:` + this, from the method. */
  resource: Resource;
  /** zod schema for the query string (values arrive as strings: use z.coerce for numbers). */
  query?: Q;
  /** zod schema for the JSON body. Objects strip unknown keys (or use .strict()), so client-sent
   *  tenant/id fields can never reach the handler: the tenant always comes from the pipeline. */
  body?: B;
  /** zod schema for the dynamic path segments, e.g. z.object({ id: z.string() }). */
  params?: P;
  /** Success status (default 200; 201 for creation, 204 for an empty answer). */
  status?: 200 | 201 | 202 | 204;
  /** `Location` header from the result's `id`, e.g. (id) => `/api/v1/jobs/${id}` (for 201). */
  location?: (id: string) => string;
};

/** What Next passes as the second route-handler argument. */
export type NextRouteContext = { params: Promise<RawParams> };
export type RouteHandler = (request: Request, context: NextRouteContext) => Promise<Response>;

/**
 * Declares an /api/v1 route: the pipeline does authentication, tenancy, rate limiting, scopes,
 * idempotency, validation, errors and the envelope; the handler only does its domain call.
 * Return plain data → `{"data": …}`, or `paginated(items, nextCursor)` for lists.
 */
export function defineRoute<
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R = unknown,
>(options: RouteOptions<Q, B, P>, handler: (ctx: HandlerContext<Out<Q>, Out<B>, Out<P>>) => Promise<R> | R, deps: PipelineDeps = defaultDeps): RouteHandler {
  const spec: RouteSpec = {
    resource: options.resource,
    query: options.query,
    body: options.body,
    params: options.params,
    status: options.status,
    location: options.location,
  };
  return async (request, context) => runPipeline(request, (await context?.params) ?? {}, spec, handler as AnyHandler, deps);
}

/** For paths with no endpoint (yet): full authentication, tenancy and rate limiting, then 404. */
export function defineFallbackRoute(deps: PipelineDeps = defaultDeps): RouteHandler {
  const spec: RouteSpec = { resource: null };
  return async (request) => runPipeline(request, {}, spec, () => undefined, deps);
}

/**
 * For the methods a route file does not export (Next would answer a bare 405 without our envelope):
 * admitted like any request, then 405 METHOD_NOT_ALLOWED with `Allow`.
 *   export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
 */
export function methodsNotAllowed(allowed: readonly string[], deps: PipelineDeps = defaultDeps) {
  const allow = [...new Set([...allowed, ...(allowed.includes("GET") ? ["HEAD"] : [])])].join(", ");
  const spec: RouteSpec = {
    resource: null,
    refuse: (method, path) => new ApiError("METHOD_NOT_ALLOWED", `${method} is not supported on ${path}; use ${allow}`, {}, { Allow: allow }),
  };
  const handler: RouteHandler = async (request) => runPipeline(request, {}, spec, () => undefined, deps);
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
