import "server-only";
import path from "node:path";
import { z } from "zod";
import { parseAddressList } from "@/lib/validation/addresses";

/**
 * Every environment variable the app reads, parsed once, with its default here and nowhere else.
 * A bad value is an error that names the variable (`KLAU_READ_CACHE_MB must be a number ≥ 0, got
 * "abc"`): the server checks it at start (instrumentation.ts) and exits with that line, the
 * scripts and the operator CLI report it before they touch a database.
 *
 * Not here, on purpose: NODE_ENV, NEXT_RUNTIME and NEXT_PHASE (set by Next, partly replaced at
 * build time), NEXT_DIST_DIR (read by next.config.ts and the launch scripts before any of this
 * loads) and the test harness's own variables (TEST_DATABASE_URL, E2E_PORT, CHROMIUM_PATH).
 */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** A value `check` accepts, else an issue saying what was expected (`what`). */
function value<T>(what: string, check: (raw: string) => T | undefined) {
  return z.string().transform((raw, ctx) => {
    const parsed = check(raw);
    if (parsed === undefined) ctx.addIssue({ code: "custom", message: what });
    return parsed as T;
  });
}

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  value(`a whole number from ${min} to ${max}`, (raw) => (/^\d+$/.test(raw) && +raw >= min && +raw <= max ? +raw : undefined));
const nonNegative = () => value("a number ≥ 0", (raw) => (Number.isFinite(Number(raw)) && Number(raw) >= 0 ? Number(raw) : undefined));
const positive = () => value("a number > 0", (raw) => (Number.isFinite(Number(raw)) && Number(raw) > 0 ? Number(raw) : undefined));
const oneOf = <T extends string>(...options: T[]) => value(`one of ${options.join(", ")}`, (raw) => options.find((option) => option === raw.toLowerCase()));
const flag = () => value("1 or 0", (raw) => (raw === "1" || raw === "true" ? true : raw === "0" || raw === "false" ? false : undefined));
const url = (what: string, schemes: RegExp) => value(what, (raw) => (schemes.test(raw) && URL.canParse(raw) ? raw : undefined));

/** The variables, each with its default (an absent or blank variable takes it). */
const SCHEMA = z.object({
  DATABASE_URL: url("a postgresql:// URL (leave it unset for the embedded database)", /^postgres(ql)?:\/\//).optional(),
  DATABASE_POOL_SIZE: wholeNumber(1, 1000).default(10),
  KLAU_DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().optional(),
  PORT: wholeNumber(1, 65_535).default(3000),
  KLAU_INTERNAL_ORIGIN: url("an http(s):// origin", /^https?:\/\//).optional(),
  KLAU_RATE_LIMIT_POINTS: wholeNumber(1).default(500),
  KLAU_RATE_LIMIT_WINDOW_SECONDS: wholeNumber(1).default(900),
  KLAU_RATE_LIMIT_STORE: oneOf("memory", "postgres", "redis").optional(),
  KLAU_RATE_LIMIT_FALLBACK: oneOf("postgres", "memory", "closed").optional(),
  REDIS_URL: url("a redis:// or rediss:// URL", /^rediss?:\/\//).optional(),
  KLAU_TRUST_PROXY: wholeNumber(0, 100).default(0),
  KLAU_TRUSTED_PROXIES: value("a comma-separated list of IP addresses and CIDR ranges", (raw) => {
    try {
      return parseAddressList(raw);
    } catch {
      return undefined;
    }
  }).optional(),
  KLAU_CLIENT_IP_HEADER: value("an HTTP header name", (raw) => (/^[a-z0-9-]+$/i.test(raw) ? raw.toLowerCase() : undefined)).optional(),
  KLAU_REQUEST_LOG_DAYS: wholeNumber(1, 36_500).default(30),
  KLAU_AUDIT_DAYS: wholeNumber(1, 36_500).default(365),
  KLAU_PURGE_INTERVAL_MINUTES: nonNegative().default(60),
  KLAU_READ_CACHE_MB: positive().default(32),
  KLAU_READ_CACHE_TTL_MS: nonNegative().default(60_000),
  KLAU_KEY_CACHE_TTL_MS: nonNegative().default(5_000),
  KLAU_PARTNERSHIP_CACHE_TTL_MS: nonNegative().default(5_000),
  KLAU_CLI_WAIT_MS: nonNegative().default(15_000),
  KLAU_DEBUG: flag().default(false),
  KLAU_TEST_CRASH_AFTER_WRITE: flag().default(false),
  KLAU_BENCH: flag().default(false),
  KLAU_BENCH_PAYLOAD: z.string().optional(),
  KLAU_KEEP_ALIVE_TIMEOUT_MS: nonNegative().default(65_000),
  KLAU_HEADERS_TIMEOUT_MS: nonNegative().default(20_000),
  KLAU_REQUEST_TIMEOUT_MS: nonNegative().default(60_000),
  KLAU_SHUTDOWN_GRACE_MS: nonNegative().default(10_000),
});

/** Values that must not be echoed in an error message. */
const SECRET = new Set(["AUTH_SECRET", "DATABASE_URL", "REDIS_URL"]);
const NAMES = Object.keys(SCHEMA.shape) as (keyof typeof SCHEMA.shape)[];

function settings(env: Env) {
  const present = Object.fromEntries(NAMES.flatMap((name) => (env[name]?.trim() ? [[name, env[name]?.trim()]] : [])));
  const result = SCHEMA.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const got = SECRET.has(name) ? "" : `, got "${present[name]}"`;
      return `${name} must be ${issue.message}${got}`;
    }),
  );
}

/** The parsed configuration, grouped by who uses it. */
export function parseConfig(env: Env) {
  const s = settings(env);
  return {
    database: { url: s.DATABASE_URL ?? null, poolSize: s.DATABASE_POOL_SIZE },
    /** Absolute; the embedded database, the auth secret file and the owner lock live below it. */
    dataDir: path.resolve(/* turbopackIgnore: true */ s.KLAU_DATA_DIR),
    authSecret: s.AUTH_SECRET ?? null,
    port: s.PORT,
    /** This app as seen from itself (the console's calls): never derived from a request's Host. */
    internalOrigin: s.KLAU_INTERNAL_ORIGIN ? new URL(s.KLAU_INTERNAL_ORIGIN).origin : `http://127.0.0.1:${s.PORT}`,
    rateLimit: {
      policy: { points: s.KLAU_RATE_LIMIT_POINTS, windowSeconds: s.KLAU_RATE_LIMIT_WINDOW_SECONDS },
      store: s.KLAU_RATE_LIMIT_STORE ?? null,
      fallback: s.KLAU_RATE_LIMIT_FALLBACK ?? null,
      redisUrl: s.REDIS_URL ?? null,
    },
    proxy: { hops: s.KLAU_TRUST_PROXY, trusted: s.KLAU_TRUSTED_PROXIES ?? null, clientIpHeader: s.KLAU_CLIENT_IP_HEADER ?? null },
    retention: { requestLogDays: s.KLAU_REQUEST_LOG_DAYS, auditDays: s.KLAU_AUDIT_DAYS },
    purgeIntervalMinutes: s.KLAU_PURGE_INTERVAL_MINUTES,
    caches: {
      readCacheBytes: Math.round(s.KLAU_READ_CACHE_MB * 1024 * 1024),
      readCacheTtlMs: s.KLAU_READ_CACHE_TTL_MS,
      keyTtlMs: s.KLAU_KEY_CACHE_TTL_MS,
      partnershipTtlMs: s.KLAU_PARTNERSHIP_CACHE_TTL_MS,
    },
    cliWaitMs: s.KLAU_CLI_WAIT_MS,
    debug: s.KLAU_DEBUG,
    crashAfterWrite: s.KLAU_TEST_CRASH_AFTER_WRITE,
    bench: { enabled: s.KLAU_BENCH, payloadFile: s.KLAU_BENCH_PAYLOAD ?? null },
    /**
     * The production server's sockets (scripts/server.mjs): keep-alive longer than a load balancer's
     * idle timeout (60 s on most), or it reuses a socket we just closed (a 502); headers within 20 s
     * and a whole request (≤ 1 MB on the API) within 60 s.
     */
    server: {
      keepAliveTimeout: s.KLAU_KEEP_ALIVE_TIMEOUT_MS,
      headersTimeout: s.KLAU_HEADERS_TIMEOUT_MS,
      requestTimeout: s.KLAU_REQUEST_TIMEOUT_MS,
    },
    shutdownGraceMs: s.KLAU_SHUTDOWN_GRACE_MS,
  };
}

export type Config = ReturnType<typeof parseConfig>;

let cached: { fingerprint: string; config: Config } | undefined;

/**
 * The configuration of this process: `config()` reads process.env (parsed again only when one of
 * its variables changed, as tests do); `config(env)` parses the given variables instead.
 */
const FROZEN = Symbol.for("klau.config.frozen");

/**
 * Servers call this once started (server/startup.ts): their environment no longer changes, so
 * `config()` stops re-reading it. Each `process.env` read crosses into C++, and the fingerprint of
 * every variable cost about 8 µs of each API request on the fast path. Process-wide (the API bundle
 * and Next's chunks each hold a copy of this module). Tests and scripts never freeze it.
 */
export function freezeConfig(frozen = true): void {
  (globalThis as Record<symbol, unknown>)[FROZEN] = frozen;
}

export function config(env?: Env): Config {
  if (env && env !== process.env) return parseConfig(env);
  if (cached && (globalThis as Record<symbol, unknown>)[FROZEN] === true) return cached.config;
  const fingerprint = NAMES.map((name) => process.env[name] ?? "\u0001").join("\u0000");
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, config: parseConfig(process.env) };
  return cached.config;
}

/** At start (server, scripts): a bad value stops the process with one line naming the variable. */
export function ensureConfigOnStart(): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
