import "server-only";
import type { RateLimiterAbstract } from "rate-limiter-flexible";

/** A store failure this recent still counts as "degraded" (the fallback leaves no other trace). */
const RECENT_MS = 10_000;

/**
 * Whether the rate-limit store is working as configured, for /api/health. Degraded = the shared
 * store is not connected (Redis), or a request fell back (or was refused, policy "closed") recently.
 */
export class StoreHealth {
  private lastFailureAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly connected: () => boolean = () => true) {}

  failed(now = Date.now()): void {
    this.lastFailureAt = now;
  }

  degraded(now = Date.now()): boolean {
    return !this.connected() || now - this.lastFailureAt < RECENT_MS;
  }
}

/**
 * The fallback limiter, reporting each use: rate-limiter-flexible calls its insurance limiter only
 * when the store failed, and has no event for it.
 */
export function reportingUse<L extends RateLimiterAbstract>(limiter: L, health: StoreHealth): L {
  const consume = limiter.consume.bind(limiter);
  limiter.consume = (key, points, options) => {
    health.failed();
    return consume(key, points, options);
  };
  return limiter;
}
