import "server-only";
/**
 * The /api/v1 routes of app/api/v1 matched the way Next matches them, for the fast path
 * (lib/http/fast-path/adapter.ts): per segment a static name beats `[param]`, which beats
 * `[...rest]`. The table is generated from the route files at build time (scripts/build-api.mjs),
 * so a new route file is served by both paths without listing it anywhere.
 */
export type RouteParams = Record<string, string | string[]>;
export type RouteHandlerFn = (request: Request, context: { params: Promise<RouteParams> }) => Response | Promise<Response>;
export type RouteModule = Partial<Record<string, unknown>>;
/** `pattern` is the folder below app/api/v1, e.g. "jobs/[id]" ("" for app/api/v1/route.ts). */
export type RouteEntry = { pattern: string; module: RouteModule };
export type RouteMatch = { module: RouteModule; params: RouteParams };

type Segment = { kind: "static"; name: string } | { kind: "param"; name: string } | { kind: "rest"; name: string };
type CompiledRoute = { segments: Segment[]; module: RouteModule };

function parseSegment(raw: string): Segment {
  const rest = /^\[\.\.\.([^\]]+)\]$/.exec(raw);
  if (rest?.[1]) return { kind: "rest", name: rest[1] };
  const param = /^\[([^\]]+)\]$/.exec(raw);
  if (param?.[1]) return { kind: "param", name: param[1] };
  return { kind: "static", name: raw };
}

const RANK = { static: 0, param: 1, rest: 2 } as const;

/** Negative when `a` is more specific than `b` at the first segment where they differ. */
function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!x || !y) return x ? 1 : -1;
    const rank = RANK[x.kind] - RANK[y.kind];
    if (rank !== 0) return rank;
  }
  return 0;
}

function matchRoute(route: CompiledRoute, parts: readonly string[]): RouteParams | null {
  const params: RouteParams = {};
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i] as Segment;
    if (segment.kind === "rest") {
      if (i >= parts.length) return null; // [...rest] needs at least one segment, as in Next
      params[segment.name] = parts.slice(i);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.kind === "static") {
      if (segment.name !== part) return null;
    } else {
      params[segment.name] = part;
    }
  }
  return parts.length === route.segments.length ? params : null;
}

export type RouteTable = { match(segments: readonly string[]): RouteMatch | null; size: number };

export function compileRoutes(entries: readonly RouteEntry[]): RouteTable {
  const routes: CompiledRoute[] = entries
    .map((e) => ({ segments: e.pattern.split("/").filter(Boolean).map(parseSegment), module: e.module }))
    .sort(bySpecificity);
  const byPath = new Map<string, RouteMatch>();
  for (const route of routes) {
    if (route.segments.every((s) => s.kind === "static")) byPath.set(route.segments.map((s) => s.name).join("/"), { module: route.module, params: {} });
  }
  return {
    size: routes.length,
    match(segments) {
      const exact = byPath.get(segments.join("/"));
      if (exact) return exact;
      for (const route of routes) {
        const params = matchRoute(route, segments);
        if (params) return { module: route.module, params };
      }
      return null;
    },
  };
}

/**
 * The decoded segments of a path below /api/v1, or null when the fast path should leave the request
 * to Next (a trailing slash Next redirects, empty or dot segments it normalizes, undecodable bytes).
 */
export function apiSegments(pathname: string, prefix = "/api/v1"): string[] | null {
  if (pathname === prefix) return [];
  if (!pathname.startsWith(`${prefix}/`)) return null;
  const raw = pathname.slice(prefix.length + 1).split("/");
  const out: string[] = [];
  for (const part of raw) {
    if (part === "" || part === "." || part === "..") return null;
    try {
      out.push(decodeURIComponent(part));
    } catch {
      return null;
    }
  }
  return out;
}
