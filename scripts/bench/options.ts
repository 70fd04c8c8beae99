import { cpus, loadavg } from "node:os";

export type BenchOptions = {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  rounds: number;
  build: boolean;
  /** Where the results go; `--no-write` prints them only. */
  write: boolean;
  /** PostgreSQL server to bench against too (a fresh `klau_bench` database is created on it). */
  postgresUrl: string | null;
  /** Only the API fast path comparison (needs DATABASE_URL); its section replaces the one in docs/PERFORMANCE.md. */
  fastPathOnly: boolean;
  /** Only the console overhead (issue 12), on each database; its section replaces the one in docs/PERFORMANCE.md. */
  consoleOnly: boolean;
  /** Only the API keys page (issue 10), on each database; its section replaces the one in docs/PERFORMANCE.md. */
  keysPageOnly: boolean;
};

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const USAGE = `npm run bench [-- --no-build] [-- --no-write] [-- --fast-path-only | --console-only | --keys-page-only]
  BENCH_CONNECTIONS (16)  BENCH_SECONDS (10)  BENCH_WARMUP_SECONDS (1)  BENCH_ROUNDS (5)
  DATABASE_URL=postgresql://…  also bench against PostgreSQL (fresh databases klau_bench, klau_bench_fastpath),
                               including the API fast path comparison (issue 14)
  --fast-path-only             only that comparison; rewrites its section of docs/PERFORMANCE.md
  --console-only               only the console overhead (embedded, and PostgreSQL with DATABASE_URL); rewrites its section
  --keys-page-only             only the API keys page at 1,000 keys (same databases); rewrites its section`;

export function parseOptions(argv: string[]): BenchOptions {
  const known = new Set(["--no-build", "--no-write", "--help", "--fast-path-only", "--console-only", "--keys-page-only"]);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0 || argv.includes("--help")) {
    console.log(USAGE);
    process.exit(unknown.length > 0 ? 2 : 0);
  }
  return {
    connections: positive("BENCH_CONNECTIONS", 16),
    warmupSeconds: positive("BENCH_WARMUP_SECONDS", 1),
    // ≥ 10 s per measured run: a shorter one swings with the shared machine's load (issue 14).
    seconds: positive("BENCH_SECONDS", 10),
    // Five, not three: on a noisy two-core VM one slow round in three moved a median ratio by 15 %
    // (the fast path's miss ratio measured 3.1× in one run, 2.6× with one 2.0× round in the next).
    rounds: Math.round(positive("BENCH_ROUNDS", 5)),
    build: !argv.includes("--no-build"),
    write: !argv.includes("--no-write"),
    postgresUrl: process.env.DATABASE_URL?.trim() || null,
    fastPathOnly: argv.includes("--fast-path-only"),
    consoleOnly: argv.includes("--console-only"),
    keysPageOnly: argv.includes("--keys-page-only"),
  };
}

export type Machine = { cores: number; cpu: string; node: string; platform: string; loadAverage: string; busy: boolean };

export function machine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg()
      .map((n) => n.toFixed(2))
      .join(" / "),
    // More than 0.75 runnable tasks per core (1.5 on 2 cores) before we start: other processes will skew
    // the figures. The 1-minute average stays near 1 for a while after any earlier bench run.
    busy: (loadavg()[0] ?? 0) > list.length * 0.75,
  };
}
