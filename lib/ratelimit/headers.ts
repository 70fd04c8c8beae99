import "server-only";
import type { RateLimitPolicy } from "./policy";

/** The state of one identity's window after this request. `resetSeconds`: seconds until the window resets. */
export type RateLimitState = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

/**
 * Spec §6 headers plus the IETF draft fields. `x-ratelimit-reset` is the number of seconds until
 * the window resets (delta, not an epoch), the same unit as `retry-after` and IETF `reset`.
 */
export function writeRateLimitHeaders(headers: Headers, state: RateLimitState, policy: RateLimitPolicy): void {
  headers.set("x-ratelimit-limit", String(state.limit));
  headers.set("x-ratelimit-remaining", String(state.remaining));
  headers.set("x-ratelimit-reset", String(state.resetSeconds));
  headers.set("ratelimit-policy", `${policy.points};w=${policy.windowSeconds}`);
  headers.set("ratelimit", `limit=${state.limit}, remaining=${state.remaining}, reset=${state.resetSeconds}`);
  if (!state.allowed) headers.set("retry-after", String(state.resetSeconds));
}
