import type { Db } from "@/lib/db/client";
import { createDispatchBody } from "@/lib/hauling/dispatches/schemas";
import { createDispatch } from "@/lib/hauling/dispatches/service";
import { prismaIdempotencyStore } from "@/lib/idempotency/prisma-store";
import type { PipelineDeps } from "./deps";
import { findKeyByHash } from "./lookups";
import type { AnyHandler, RouteSpec } from "./pipeline";
import { apiRequest, fakeWorld } from "./testing";

/**
 * For tests that run the pipeline on a real database (and for their child processes, which is why
 * this imports no vitest): key lookup and idempotency records in the database, the rest in memory.
 */
export function databaseDeps(db: Db, hooks: Pick<PipelineDeps, "beforeIdempotentCommit"> = {}): PipelineDeps {
  return {
    ...fakeWorld().deps,
    getDb: async () => db,
    lookupKey: (hash) => findKeyByHash(db, hash),
    idempotencyStore: prismaIdempotencyStore,
    ...hooks,
  };
}

/** POST /api/v1/dispatches as app/api/v1/dispatches/route.ts declares it: a write with a transaction of its own. */
export const createDispatchRoute: { spec: RouteSpec; handler: AnyHandler } = {
  spec: { resource: "dispatches", body: createDispatchBody, status: 201, location: (id) => `/api/v1/dispatches/${id}` },
  handler: ({ db, tenant, body }) => createDispatch(db, tenant.id, createDispatchBody.parse(body)),
};

export function idempotentPost(secret: string, idempotencyKey: string, body: string): Request {
  return apiRequest("POST", "/api/v1/dispatches", { key: secret, body, headers: { "idempotency-key": idempotencyKey } });
}
