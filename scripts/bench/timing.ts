import { performance } from "node:perf_hooks";

/** Mean cost of one call in microseconds, after a warm-up of a tenth of the iterations. */
export function timeSync(iterations: number, fn: () => unknown): number {
  for (let i = 0; i < Math.ceil(iterations / 10); i++) fn();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return ((performance.now() - start) * 1000) / iterations;
}

/** Same for async work, one call at a time (latency, not throughput). */
export async function timeAsync(iterations: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.ceil(iterations / 10); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return ((performance.now() - start) * 1000) / iterations;
}
