import autocannon from "autocannon";

export type LoadOptions = { connections: number; warmupSeconds: number; seconds: number };

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** Non-2xx responses, connection errors and bodies differing from the expected bytes: must be 0. */
  failures: number;
};

export type Target = { url: string; headers?: Record<string, string>; expectBody: string };

function fire(target: Target, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    headers: target.headers,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 10,
    expectBody: target.expectBody,
  });
}

/** Warm-up (JIT, caches, connection pools), then one measured run with the same connections. */
export async function measure(target: Target, options: LoadOptions): Promise<LoadResult> {
  await fire(target, options.connections, options.warmupSeconds);
  const result = await fire(target, options.connections, options.seconds);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.mismatches,
  };
}
