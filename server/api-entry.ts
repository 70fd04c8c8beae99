/**
 * The API fast path's bundle (built by scripts/build-api.mjs, loaded by scripts/server.mjs). It holds
 * the gateway (lib/api, lib/<domain>) and the route modules of app/api/v1, compiled from the same
 * sources Next compiles. Process-wide state (database handle, key/partnership/read caches, change
 * events, rate limiter, request log) lives on globalThis (processSingleton, lib/db/client.ts), so
 * this bundle and Next's chunks share one of each: one embedded database, and a revocation made
 * through a page reaches the API's caches at once.
 */
import { consoleRoutes, routes } from "klau:api-routes";
import { ensureConfigOnStart } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { type ApiListener, createApiListener } from "@/lib/http/fast-path/adapter";
import { compileRoutes } from "@/lib/http/fast-path/route-table";
import { flushRequestLog } from "@/lib/request-log";
import { startServerOnce } from "./startup";

export { disconnectDb, ensureConfigOnStart, flushRequestLog, startServerOnce };

export function apiListener(): ApiListener {
  return createApiListener(compileRoutes(routes));
}

/** The console's send (app/api/console): authorized actions served as JSON, off Next's route machinery too. */
export function consoleListener(): ApiListener {
  return createApiListener(compileRoutes(consoleRoutes), "/api/console");
}

export const routeCount = routes.length;
