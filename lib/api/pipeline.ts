import "server-only";
import type { z } from "zod";
import type { DbClient } from "@/lib/db/transaction";
import type { StoredResponse } from "@/lib/idempotency/types";
import type { Resource } from "@/lib/scopes/catalog";
import type { AuthInfo, HandlerContext, Outcome } from "./context";
import type { PipelineDeps } from "./deps";
import { errorBody, errorResponse, successBody } from "./envelope";
import { type ApiError, notFound } from "./errors";
import { toApiError } from "./map-error";
import type { Principal } from "./principal";
import { newRequestId } from "./request-id";
import { admit, type Caller } from "./steps/admit";
import { beginIdempotency, executeIdempotent, idempotencyKeyOf, replayResponse } from "./steps/idempotency";
import { parseJsonBody, queryObject, validate } from "./steps/parse";
import { readCacheTarget, throughReadCache, wantsFreshAnswer } from "./steps/read-cache";
import { readBody } from "./steps/read-body";

export type RouteSpec = {
  /** The seed resource this route serves (its scope derives from it); null = no such endpoint → 404. */
  resource: Resource | null;
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
  status?: number;
  /** When `resource` is null: the error to answer after admission (default 404 NOT_FOUND). */
  refuse?: (method: string, path: string) => ApiError;
  /** Builds the `Location` header from the result's `id`. */
  location?: (id: string) => string;
};

export type AnyHandler = (ctx: HandlerContext<unknown, unknown, unknown>) => unknown;
export type RawParams = Record<string, string | string[] | undefined>;
type BaseContext = Omit<HandlerContext<unknown, unknown, unknown>, "query" | "body" | "params">;

const JSON_TYPE = "application/json; charset=utf-8";

function authInfo(p: Principal): AuthInfo {
  const ownerId = (p.kind === "VENDOR" ? p.vendorId : p.companyId) ?? "";
  return { keyId: p.keyId, kind: p.kind, ownerId, companyId: p.companyId, vendorId: p.vendorId, scopes: p.scopes, console: p.console };
}

/** Whose idempotency keys these are: the key's owner, or the console session's user (never shared with keys). */
function idempotencyIdentity(auth: AuthInfo): string {
  if (auth.console) return `console:${auth.console.userId}`;
  return `${auth.kind === "VENDOR" ? "vendor" : "company"}:${auth.ownerId}`;
}

function reportIfUnexpected(deps: PipelineDeps, ctx: { requestId: string; summary: string }, error: unknown): ApiError {
  const apiError = toApiError(error);
  if (apiError.code === "INTERNAL_ERROR") deps.logError(ctx.requestId, ctx.summary, error);
  return apiError;
}

type Execution = {
  request: Request;
  url: URL;
  rawBody: string;
  rawParams: RawParams;
  spec: RouteSpec;
  handler: AnyHandler;
  base: BaseContext;
  headers: Headers;
  deps: PipelineDeps;
  caller: Caller;
};

/** Steps 7–8: parse (zod) → handler → envelope, on `db`. Throws when either fails. */
async function succeed(x: Execution, db: DbClient): Promise<Outcome> {
  const { request, url, rawBody, rawParams, spec, headers } = x;
  const params = spec.params ? validate(spec.params, rawParams, "params") : rawParams;
  const query = spec.query ? validate(spec.query, queryObject(url.searchParams), "query") : undefined;
  const body = spec.body ? validate(spec.body, parseJsonBody(rawBody, request.headers.get("content-type")), "body") : undefined;
  const result = await x.handler({ ...x.base, db, params, query, body });
  const id = typeof result === "object" && result !== null ? (result as { id?: unknown }).id : undefined;
  if (spec.location && typeof id === "string") headers.set("location", spec.location(id));
  const status = spec.status ?? 200;
  if (status === 204) return { status, body: null };
  headers.set("content-type", JSON_TYPE);
  return { status, body: JSON.stringify(successBody(result)) };
}

/** A failure of steps 7–8 (or of the commit) as the error envelope. */
function failed(x: Execution, error: unknown): Outcome {
  const { request, url, headers, base, deps } = x;
  const apiError = reportIfUnexpected(deps, { requestId: base.requestId, summary: `${request.method} ${url.pathname}` }, error);
  x.caller.errorCode = apiError.code;
  headers.delete("location");
  for (const [name, value] of Object.entries(apiError.headers)) headers.set(name, value);
  headers.set("content-type", JSON_TYPE);
  return { status: apiError.status, body: JSON.stringify(errorBody(apiError, base.requestId)) };
}

async function execute(x: Execution): Promise<Outcome> {
  try {
    return await succeed(x, x.base.db);
  } catch (error) {
    return failed(x, error);
  }
}

/** The outcome as stored for replay. Only writes are remembered, and their bodies are the handler's strings. */
function storedResponse(outcome: Outcome, headers: Headers): StoredResponse {
  const location = headers.get("location");
  return {
    status: outcome.status,
    body: typeof outcome.body === "string" ? outcome.body : new TextDecoder().decode(outcome.body ?? undefined),
    headers: { "content-type": headers.get("content-type") ?? JSON_TYPE, ...(location ? { location } : {}) },
  };
}

async function handle(
  request: Request,
  url: URL,
  rawParams: RawParams,
  spec: RouteSpec,
  handler: AnyHandler,
  deps: PipelineDeps,
  headers: Headers,
  caller: Caller,
  requestId: string,
): Promise<Response> {
  const method = request.method.toUpperCase();
  const { principal, resolved } = await admit(request, spec.resource, deps, headers, caller);
  if (!spec.resource) throw spec.refuse?.(method, url.pathname) ?? notFound(`No API endpoint at ${method} ${url.pathname}`);
  // A cached answer is the bytes the handler gave for this tenant, path and query (a 200, so the
  // query was valid): once the caller is admitted, nothing else is needed to send it again.
  const cacheTarget = readCacheTarget(method, spec.resource, url);
  const cached = cacheTarget === null || wantsFreshAnswer(request.headers) ? undefined : deps.readCache.lookup(resolved.tenant.id, cacheTarget);
  if (cached !== undefined) {
    headers.set("content-type", JSON_TYPE);
    return new Response(cached, { status: 200, headers });
  }
  const idempotencyKey = idempotencyKeyOf(method, request.headers);
  const rawBody = method === "GET" || method === "HEAD" ? "" : await readBody(request);
  const db = await deps.getDb();
  const auth = authInfo(principal);
  const store = idempotencyKey ? deps.idempotencyStore(db) : null;
  const start =
    store && idempotencyKey
      ? await beginIdempotency(store, {
          identity: idempotencyIdentity(auth),
          tenantId: resolved.tenant.id,
          key: idempotencyKey,
          method,
          pathWithQuery: url.pathname + url.search,
          body: rawBody,
        })
      : null;
  if (start?.kind === "replay") return replayResponse(start.response, headers);
  const base: BaseContext = { db, tenant: resolved.tenant, auth, requestId, request };
  const x: Execution = { request, url, rawBody, rawParams, spec, handler, base, headers, deps, caller };
  const outcome = await throughReadCache(deps.readCache, method, spec.resource, resolved.tenant.id, cacheTarget, () =>
    store && start
      ? executeIdempotent(db, deps.idempotencyStore, start.recordId, {
          run: (tx) => succeed(x, tx),
          fail: (error) => failed(x, error),
          stored: (result) => storedResponse(result, headers),
          beforeCommit: deps.beforeIdempotentCommit,
        })
      : execute(x),
  );
  return new Response(outcome.body, { status: outcome.status, headers });
}

/**
 * The request pipeline, in fixed order: requestId → authenticate → resolveTenant → rateLimit →
 * authorize → read cache (GETs of hauling resources) or idempotency (writes) → parse → handler →
 * mapError → envelope + headers; then the request log.
 */
export async function runPipeline(request: Request, rawParams: RawParams, spec: RouteSpec, handler: AnyHandler, deps: PipelineDeps): Promise<Response> {
  const started = performance.now();
  const requestId = newRequestId();
  const headers = new Headers({ "x-request-id": requestId, "cache-control": "no-store" });
  const caller: Caller = { principal: null, resolved: null, scope: null, errorCode: null };
  const url = new URL(request.url); // parsed once for every step below
  let response: Response;
  try {
    response = await handle(request, url, rawParams, spec, handler, deps, headers, caller, requestId);
  } catch (error) {
    const apiError = reportIfUnexpected(deps, { requestId, summary: `${request.method} ${url.pathname}` }, error);
    caller.errorCode = apiError.code;
    response = errorResponse(apiError, requestId, headers);
  }
  deps.recordRequest({
    apiKeyId: caller.principal?.keyId ?? null,
    consoleUserId: caller.principal?.console?.userId ?? null,
    companyId: caller.resolved?.tenant.id ?? caller.principal?.companyId ?? null,
    vendorId: caller.principal?.vendorId ?? null,
    method: request.method.toUpperCase(),
    path: url.pathname,
    status: response.status,
    durationMs: Math.round(performance.now() - started),
    requestId,
    errorCode: caller.errorCode,
    scope: caller.scope,
    createdAt: new Date(),
  });
  return response;
}
