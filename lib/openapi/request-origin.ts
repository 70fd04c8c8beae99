import "server-only";
import type { Env } from "@/lib/config";
import { forwardedProto, proxyTrust, trustsForwardedHeaders } from "@/lib/ratelimit/proxy-trust";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function first(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin the client used, for the document's "this instance" server. Taken from the Host
 * header, from X-Forwarded-Proto/-Host only behind a trusted proxy, and only when it looks like a
 * host — it is echoed into a public document. Not from request.url: Next builds its protocol from
 * X-Forwarded-Proto whoever sent it, and `next start` itself only speaks http.
 */
export function requestOrigin(request: Request, env?: Env): string {
  const trust = proxyTrust(env);
  const forwardedHost = trustsForwardedHeaders(trust) ? first(request.headers.get("x-forwarded-host")) : undefined;
  const proto = forwardedProto(request.headers, trust) ?? "http";
  const host = [forwardedHost, first(request.headers.get("host"))].find((h) => h !== undefined && HOST.test(h)) ?? new URL(request.url).host;
  return `${proto}://${host}`;
}
