/**
 * Spec §6: 500 requests per 15 minutes per identity. Overridable by environment only for
 * benchmarks and load tests (KLAU_RATE_LIMIT_POINTS, KLAU_RATE_LIMIT_WINDOW_SECONDS).
 */
export type RateLimitPolicy = { points: number; windowSeconds: number };

export const DEFAULT_POLICY: RateLimitPolicy = { points: 500, windowSeconds: 900 };

function positiveInt(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value > 0 ? value : fallback;
}

export function policyFromEnv(env: Record<string, string | undefined> = process.env): RateLimitPolicy {
  return {
    points: positiveInt(env.KLAU_RATE_LIMIT_POINTS, DEFAULT_POLICY.points),
    windowSeconds: positiveInt(env.KLAU_RATE_LIMIT_WINDOW_SECONDS, DEFAULT_POLICY.windowSeconds),
  };
}
