import "server-only";
/** Upper bounds (ms) of the roll-up's latency buckets: the same list as SQL `klau_latency_bucket`. */
export const LATENCY_BUCKETS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 2147483647] as const;

export function latencyBucket(durationMs: number): number {
  return LATENCY_BUCKETS.find((bound) => durationMs <= bound) ?? 2147483647;
}

/**
 * The bucket bound under which `quantile` of the requests finished (e.g. p95 ≤ 50 ms). Exact to the
 * bucket, which is what a roll-up can answer at a million rows; null without requests.
 */
export function quantileFromBuckets(counts: ReadonlyMap<number, number>, quantile: number): number | null {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const target = Math.ceil(total * quantile);
  let seen = 0;
  for (const bound of LATENCY_BUCKETS) {
    seen += counts.get(bound) ?? 0;
    if (seen >= target) return bound;
  }
  return LATENCY_BUCKETS[LATENCY_BUCKETS.length - 1] ?? null;
}
