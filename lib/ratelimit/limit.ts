import "server-only";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { processSingleton } from "@/lib/cache/ttl-cache";
import type { RateLimitState } from "./headers";
import { policyFromEnv, type RateLimitPolicy } from "./policy";
import { createLimiter, type FallbackPolicy, type StoreKind } from "./store";
import type { StoreHealth } from "./store-health";

/** `health` (shared stores) hears of store failures, for /api/health. */
export type Limiter = { policy: RateLimitPolicy; limiter: RateLimiterAbstract; health?: StoreHealth };
type ProcessLimiter = Limiter & { kind: StoreKind; fallback: FallbackPolicy | null; health: StoreHealth };

/** One limiter per process (shared by every route bundle), created on first use. */
export function processLimiter(): Promise<ProcessLimiter> {
  return processSingleton("rate-limiter", async () => {
    const policy = policyFromEnv();
    return { policy, ...(await createLimiter(policy)) };
  });
}

/** For /api/health: the store in use, its fallback policy, and whether it is degraded right now. */
export type RateLimitStatus = { store: StoreKind; fallback: FallbackPolicy | null; degraded: boolean };

export async function rateLimitStatus(): Promise<RateLimitStatus> {
  const { kind, fallback, health } = await processLimiter();
  return { store: kind, fallback, degraded: health.degraded() };
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
 * exact under concurrency. Null when no point could be counted: the store failed with no fallback
 * (policy closed).
 */
export async function consumePoint({ limiter, policy, health }: Limiter, identity: string, points = 1): Promise<RateLimitState | null> {
  try {
    return stateOf(await limiter.consume(identity, points), policy.points, true);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return stateOf(rejection, policy.points, false);
    health?.failed();
    return null;
  }
}
