import "server-only";
import { writeRateLimitHeaders } from "@/lib/ratelimit/headers";
import { consumePoint, type Limiter } from "@/lib/ratelimit/limit";
import { ApiError } from "../errors";

/**
 * Step 4: one point (or `points`, for a request that does the work of several) from the identity's
 * window; headers on every response; 429 when spent.
 */
export async function rateLimit(limiter: Limiter, identity: string, headers: Headers, points = 1): Promise<void> {
  const state = await consumePoint(limiter, identity, points);
  if (state === null) {
    // KLAU_RATE_LIMIT_FALLBACK=closed and the shared store is down: refuse rather than count nowhere.
    throw new ApiError("SERVICE_UNAVAILABLE", "Rate limiting is unavailable; retry shortly", {}, { "Retry-After": "5" });
  }
  writeRateLimitHeaders(headers, state, limiter.policy);
  if (!state.allowed) {
    const minutes = Math.round(limiter.policy.windowSeconds / 60);
    throw new ApiError("RATE_LIMITED", `Rate limit exceeded: ${limiter.policy.points} requests per ${minutes} minutes. Retry in ${state.resetSeconds} s`, {
      retryAfter: state.resetSeconds,
    });
  }
}
