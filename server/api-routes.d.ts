// The route table scripts/build-api.mjs generates from app/api/v1/**/route.ts.
declare module "klau:api-routes" {
  export const routes: import("@/lib/http/fast-path/route-table").RouteEntry[];
}
