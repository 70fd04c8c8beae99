import type { Env } from "@/lib/config";
import { clientAddress, proxyTrust } from "./proxy-trust";

/**
 * The client address for unauthenticated rate limiting (lib/ratelimit/proxy-trust.ts decides what
 * to believe). Next route handlers do not expose the socket address, so without a trusted proxy
 * every unauthenticated client shares the bucket "unknown" — strict, but it cannot be dodged by
 * forging headers (documented in docs/API-PIPELINE.md).
 */
export function clientIp(headers: Headers, env?: Env): string {
  return clientAddress(headers, proxyTrust(env)) ?? "unknown";
}
