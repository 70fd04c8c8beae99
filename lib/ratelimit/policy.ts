import "server-only";
import { config, type Env } from "@/lib/config";

/**
 * Spec §6: 500 requests per 15 minutes per identity (the defaults in lib/config.ts). Overridable by
 * environment only for benchmarks and load tests (KLAU_RATE_LIMIT_POINTS, KLAU_RATE_LIMIT_WINDOW_SECONDS).
 */
export type RateLimitPolicy = { points: number; windowSeconds: number };

export function policyFromEnv(env?: Env): RateLimitPolicy {
  return config(env).rateLimit.policy;
}
