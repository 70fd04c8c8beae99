import "server-only";
import type { ReadCache } from "@/lib/read-cache/read-cache";
import { isCachedResource } from "@/lib/read-cache/hauling-changes";
import type { Resource } from "@/lib/scopes/catalog";
import type { Outcome } from "../context";

const UTF8 = new TextEncoder();

/**
 * `Cache-Control: no-cache` (or `no-store`, `max-age=0`, `Pragma: no-cache`) on a GET: the client
 * wants the database's answer, e.g. read-your-writes across instances. The fresh answer is stored.
 */
export function wantsFreshAnswer(headers: Headers): boolean {
  const directives = (headers.get("cache-control") ?? "")
    .toLowerCase()
    .split(",")
    .map((d) => d.trim());
  if (directives.some((d) => d === "no-cache" || d === "no-store" || d === "max-age=0")) return true;
  return (headers.get("pragma") ?? "").toLowerCase().includes("no-cache");
}

/** Path and query of a GET whose answer may come from the read cache; null for anything else. */
export function readCacheTarget(method: string, resource: Resource | null, url: URL): string | null {
  return method === "GET" && isCachedResource(resource) ? url.pathname + url.search : null;
}

/**
 * Runs the handler for a request on a hauling resource and keeps the read cache true:
 * - a GET stores its successful answer, unless the tenant's data changed while it was being read;
 * - a write (any other method but HEAD) drops the tenant's answers once it has run, successful or
 *   not, before it is answered, so the caller's next read sees it.
 */
export async function throughReadCache(
  cache: ReadCache,
  method: string,
  resource: Resource | null,
  tenantId: string,
  target: string | null,
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  if (target !== null) {
    const ticket = cache.ticket(tenantId);
    const outcome = await run();
    if (outcome.status !== 200 || outcome.body === null) return outcome;
    const body = typeof outcome.body === "string" ? UTF8.encode(outcome.body) : outcome.body;
    cache.store(ticket, target, body);
    return { status: outcome.status, body };
  }
  if (method === "GET" || method === "HEAD" || !isCachedResource(resource)) return run();
  try {
    return await run();
  } finally {
    cache.invalidateTenant(tenantId);
  }
}
