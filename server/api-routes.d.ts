// The route tables scripts/build-api.mjs generates from app/api/v1/**/route.ts and app/api/console/**/route.ts.
declare module "klau:api-routes" {
  export const routes: import("@/lib/http/fast-path/route-table").RouteEntry[];
  export const consoleRoutes: import("@/lib/http/fast-path/route-table").RouteEntry[];
}
