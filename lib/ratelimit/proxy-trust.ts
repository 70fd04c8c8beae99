import "server-only";
import type { BlockList } from "node:net";
import { isIP } from "node:net";
import { config, type Env } from "@/lib/config";
import { normalizeAddress } from "@/lib/validation/addresses";

/**
 * How far the app trusts forwarding headers (docs/API-PIPELINE.md, "Client address"):
 * - `none` (default): X-Forwarded-* are whatever the client wrote; the client address is unknown.
 * - `hops`: KLAU_TRUST_PROXY=N, N proxies in front that each append to X-Forwarded-For; the client
 *   is the N-th address from the right (1 = the right-most, written by the proxy next to the app).
 * - `list`: KLAU_TRUSTED_PROXIES=CIDR,…, the client is the right-most address not in the list.
 * KLAU_CLIENT_IP_HEADER (e.g. x-real-ip) reads the address from a header the proxy overwrites
 * instead; it is never read unless configured, because a client can send any header.
 */
export type ProxyTrust = { kind: "none" } | { kind: "hops"; hops: number; header: string | null } | { kind: "list"; proxies: BlockList; header: string | null };

/** The setting as configured (lib/config.ts parses and checks it once, at start). */
export function proxyTrust(env?: Env): ProxyTrust {
  const { hops, trusted, clientIpHeader: header } = config(env).proxy;
  if (trusted) return { kind: "list", proxies: trusted, header };
  if (hops > 0) return { kind: "hops", hops, header };
  return { kind: "none" };
}

function isTrustedHop(trust: ProxyTrust, address: string): boolean {
  return trust.kind === "list" && trust.proxies.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address, or null when it cannot be known. Walks X-Forwarded-For from the right, the
 * end the trusted proxies wrote: entries further left were sent by the client and prove nothing.
 */
export function clientAddress(headers: Headers, trust: ProxyTrust): string | null {
  if (trust.kind === "none") return null;
  if (trust.header) return normalizeAddress(headers.get(trust.header) ?? "");
  // Headers.get joins repeated X-Forwarded-For headers with ", ", in the order received.
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  if (trust.kind === "hops") return normalizeAddress(hops[Math.max(0, hops.length - trust.hops)] ?? "");
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = normalizeAddress(hops[i] ?? "");
    if (address === null) return null; // garbage where a trusted proxy should have written: give up
    if (!isTrustedHop(trust, address) || i === 0) return address;
  }
  return null;
}

/** Whether X-Forwarded-Proto/-Host may be believed: only when a trusted proxy is configured. */
export function trustsForwardedHeaders(trust: ProxyTrust): boolean {
  return trust.kind !== "none";
}

/** The scheme the client used according to a trusted proxy (X-Forwarded-Proto), else null. */
export function forwardedProto(headers: Headers, trust: ProxyTrust): "http" | "https" | null {
  if (!trustsForwardedHeaders(trust)) return null;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" || proto === "http" ? proto : null;
}
