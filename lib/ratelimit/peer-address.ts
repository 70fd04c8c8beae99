import "server-only";
import { processSingleton } from "@/lib/cache/ttl-cache";
import { normalizeAddress } from "@/lib/validation/addresses";

/**
 * The TCP peer of a request, for servers that see the socket (the API fast path,
 * lib/http/fast-path/adapter.ts). Keyed by the request's Headers object, so it cannot be written by
 * a client the way a header can; Next's route handlers never register one.
 */
const peers = processSingleton("peer-addresses", () => new WeakMap<Headers, string>());

export function registerPeerAddress(headers: Headers, remoteAddress: string | undefined): void {
  const address = remoteAddress ? normalizeAddress(remoteAddress) : null;
  if (address) peers.set(headers, address);
}

export function peerAddressOf(headers: Headers): string | null {
  return peers.get(headers) ?? null;
}
