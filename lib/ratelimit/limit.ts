import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { processSingleton } from "@/lib/cache/ttl-cache";
import type { RateLimitState } from "./headers";
import { policyFromEnv, type RateLimitPolicy } from "./policy";
import { createLimiter } from "./store";

export type Limiter = { policy: RateLimitPolicy; limiter: RateLimiterAbstract };

/** One limiter per process (shared by every route bundle), created on first use. */
export function processLimiter(): Promise<Limiter> {
  return processSingleton("rate-limiter", async () => {
    const policy = policyFromEnv();
    const { limiter } = await createLimiter(policy);
    return { policy, limiter };
  });
}

function stateOf(res: RateLimiterRes, limit: number, allowed: boolean): RateLimitState {
  return {
    allowed,
    limit,
    remaining: allowed ? Math.max(0, limit - res.consumedPoints) : 0,
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

/**
 * Takes one point (or `points`) from `identity`'s window; the store's atomic increment keeps it
 * exact under concurrency.
 */
export async function consumePoint({ limiter, policy }: Limiter, identity: string, points = 1): Promise<RateLimitState> {
  try {
    return stateOf(await limiter.consume(identity, points), policy.points, true);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return stateOf(rejection, policy.points, false);
    throw rejection;
  }
}
