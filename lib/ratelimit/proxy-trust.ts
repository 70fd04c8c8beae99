import { BlockList, isIP } from "node:net";

/**
 * How far the app trusts forwarding headers (docs/API-PIPELINE.md, "Client address"):
 * - `none` (default): X-Forwarded-* are whatever the client wrote; the client address is unknown.
 * - `hops`: KLAU_TRUST_PROXY=N, N proxies in front that each append to X-Forwarded-For; the client
 *   is the N-th address from the right (1 = the right-most, written by the proxy next to the app).
 * - `list`: KLAU_TRUSTED_PROXIES=CIDR,…, the client is the right-most address not in the list.
 * KLAU_CLIENT_IP_HEADER (e.g. x-real-ip) reads the address from a header the proxy overwrites
 * instead; it is never read unless configured, because a client can send any header.
 */
export type ProxyTrust =
  | { kind: "none" }
  | { kind: "hops"; hops: number; header: string | null }
  | { kind: "list"; proxies: BlockList; header: string | null };

type Env = Record<string, string | undefined>;

/** `::ffff:1.2.3.4` → `1.2.3.4`; `1.2.3.4:5678` and `[2001:db8::1]:443` → the address; else null. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const family = isIP(value);
  if (family === 0) return null;
  return family === 6 ? value.toLowerCase() : value;
}

/** `10.0.0.0/8, 127.0.0.1, fd00::/8` → a BlockList; an entry that is not an address or CIDR throws. */
export function parseProxyList(list: string): BlockList {
  const blocks = new BlockList();
  for (const entry of list.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const normalized = normalizeAddress(address);
    const family = normalized && isIP(normalized) === 6 ? "ipv6" : "ipv4";
    const bits = prefix === undefined ? null : Number(prefix);
    if (!normalized || (bits !== null && (!Number.isInteger(bits) || bits < 0 || bits > (family === "ipv6" ? 128 : 32)))) {
      throw new Error(`KLAU_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    if (bits === null) blocks.addAddress(normalized, family);
    else blocks.addSubnet(normalized, bits, family);
  }
  return blocks;
}

export function proxyTrustFromEnv(env: Env): ProxyTrust {
  const header = env.KLAU_CLIENT_IP_HEADER?.trim().toLowerCase() || null;
  if (env.KLAU_TRUSTED_PROXIES?.trim()) return { kind: "list", proxies: parseProxyList(env.KLAU_TRUSTED_PROXIES), header };
  const hops = Number(env.KLAU_TRUST_PROXY);
  if (env.KLAU_TRUST_PROXY && Number.isInteger(hops) && hops > 0) return { kind: "hops", hops, header };
  return { kind: "none" };
}

const cache = new Map<string, ProxyTrust>();

/** The parsed setting, once per distinct configuration (called on every request). */
export function proxyTrust(env: Env = process.env): ProxyTrust {
  const id = [env.KLAU_TRUST_PROXY, env.KLAU_TRUSTED_PROXIES, env.KLAU_CLIENT_IP_HEADER].join("\u0000");
  let trust = cache.get(id);
  if (!trust) {
    trust = proxyTrustFromEnv(env);
    cache.set(id, trust);
  }
  return trust;
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
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
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

/** At server start: a mistyped proxy list stops the server with its message instead of failing requests. */
export function ensureProxyTrustOnStart(env: Env = process.env): void {
  try {
    proxyTrust(env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
