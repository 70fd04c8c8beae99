import { isIP } from "node:net";

/**
 * The client address for unauthenticated rate limiting. Behind a trusted proxy
 * (KLAU_TRUST_PROXY=1) the first `X-Forwarded-For` hop is the client; otherwise forwarded headers
 * are attacker-controlled and ignored. Next route handlers do not expose the socket address, so
 * without a trusted proxy every unauthenticated client shares the bucket "unknown" — strict, but it
 * cannot be dodged by forging headers (documented in docs/API-PIPELINE.md).
 */
export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  if (env.KLAU_TRUST_PROXY !== "1") return "unknown";
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  if (isIP(first)) return first;
  const real = headers.get("x-real-ip")?.trim() ?? "";
  return isIP(real) ? real : "unknown";
}
