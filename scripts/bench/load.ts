import autocannon from "autocannon";
import { groupCpuSeconds } from "./proc";

export type LoadOptions = { connections: number; warmupSeconds: number; seconds: number; rounds: number };

export type LoadResult = {
  /** The median round's figures (by throughput). */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** Throughput of every round, in the order run. */
  rounds: number[];
  /** Non-2xx responses, connection errors and bodies differing from the expected bytes, over all rounds: must be 0. */
  failures: number;
};

export type Target = {
  name: string;
  url: string;
  headers?: Record<string, string>;
  expectBody: string;
  /** The serving process group: its CPU time per request is reported with each round. */
  pgid?: number;
};

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

type Round = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  failures: number;
  /**
   * The server's CPU time (user + system) per request during the measured run; NaN without a pgid.
   * Steadier than throughput on a shared machine: the load generator's share of the cores moves
   * requests per second, but hardly what each request costs the server.
   */
  cpuUsPerRequest: number;
};

/**
 * After a warm-up of every target, each round measures every target once, in turn (warm-up, then a
 * measured run with the same connections), so a slow spell of the machine hits all targets alike;
 * each target reports its median round. `onRound` sees every measurement as it is taken.
 */
export async function measureRounds(
  targets: Target[],
  options: LoadOptions,
  onRound: (target: Target, round: Round, index: number) => void = () => undefined,
): Promise<Map<string, LoadResult>> {
  const rounds = new Map<string, Round[]>(targets.map((t) => [t.name, []]));
  // Every target once before the first round: the first target measured after a server start would
  // otherwise pay for the server's warm-up (JIT, pools) alone.
  for (const target of targets) await fire(target, options.connections, Math.max(2, options.warmupSeconds));
  for (let index = 0; index < options.rounds; index++) {
    for (const target of targets) {
      await fire(target, options.connections, options.warmupSeconds);
      const cpuBefore = target.pgid ? groupCpuSeconds(target.pgid) : Number.NaN;
      const result = await fire(target, options.connections, options.seconds);
      const cpuSeconds = target.pgid ? groupCpuSeconds(target.pgid) - cpuBefore : Number.NaN;
      const round = {
        requestsPerSecond: result.requests.total / result.duration,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        total: result.requests.total,
        failures: result.non2xx + result.errors + result.mismatches,
        cpuUsPerRequest: result.requests.total > 0 ? (cpuSeconds * 1_000_000) / result.requests.total : Number.NaN,
      };
      rounds.get(target.name)?.push(round);
      onRound(target, round, index);
    }
  }
  const results = new Map<string, LoadResult>();
  for (const [name, list] of rounds) {
    const sorted = [...list].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    if (!median) continue;
    results.set(name, {
      ...median,
      rounds: list.map((r) => r.requestsPerSecond),
      failures: list.reduce((sum, r) => sum + r.failures, 0),
    });
  }
  return results;
}
