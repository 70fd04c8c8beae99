import "server-only";
import type { Env } from "@/lib/config";
import { peerAddressOf } from "./peer-address";
import { clientAddress, proxyTrust } from "./proxy-trust";

/**
 * The client address for unauthenticated rate limiting (lib/ratelimit/proxy-trust.ts decides what
 * to believe). With a trusted proxy it comes from the forwarding headers, on both paths. Without
 * one, the API fast path knows the TCP peer (lib/ratelimit/peer-address.ts); Next route handlers do
 * not expose the socket, so there every unauthenticated client shares the bucket "unknown" —
 * strict, but it cannot be dodged by forging headers (documented in docs/API-PIPELINE.md).
 */
export function clientIp(headers: Headers, env?: Env): string {
  const trust = proxyTrust(env);
  if (trust.kind === "none") return peerAddressOf(headers) ?? "unknown";
  return clientAddress(headers, trust) ?? "unknown";
}
