import "server-only";
import { config, type Env } from "@/lib/config";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis } from "rate-limiter-flexible";
import type { RateLimitPolicy } from "./policy";
import { reportingUse, StoreHealth } from "./store-health";

export type StoreKind = "memory" | "postgres" | "redis";
/** What counts requests while the shared store is down (KLAU_RATE_LIMIT_FALLBACK). */
export type FallbackPolicy = "postgres" | "memory" | "closed";

/**
 * Memory on a single instance (exact: one event loop); Redis when REDIS_URL is set; PostgreSQL
 * (table `rate_limits`, created by our migrations) with KLAU_RATE_LIMIT_STORE=postgres and a
 * DATABASE_URL. Both shared stores increment atomically, so the count stays exact across instances.
 */
export function storeKind(env?: Env): StoreKind {
  const { rateLimit, database } = config(env);
  if (rateLimit.store === "memory") return "memory";
  if (rateLimit.store === "postgres" && database.url) return "postgres";
  return rateLimit.redisUrl ? "redis" : "memory";
}

/**
 * While the shared store is down: `postgres` counts in the PostgreSQL table (instances still share
 * one window; the default when DATABASE_URL names a server), `memory` per process (each instance
 * admits a full window of its own), `closed` refuses requests with 503. Null for the memory store.
 */
export function fallbackPolicy(env?: Env, kind: StoreKind = storeKind(env)): FallbackPolicy | null {
  if (kind === "memory") return null;
  const { rateLimit, database } = config(env);
  const wanted: FallbackPolicy = rateLimit.fallback ?? (database.url ? "postgres" : "memory");
  // The PostgreSQL store cannot fall back to itself; without a server there is no table to use.
  if (wanted === "postgres" && (kind === "postgres" || !database.url)) return "memory";
  return wanted;
}

export type CreatedLimiter = { limiter: RateLimiterAbstract; kind: StoreKind; fallback: FallbackPolicy | null; health: StoreHealth };

type Base = { points: number; duration: number; keyPrefix: string };

async function postgresLimiter(base: Base, url: string, insuranceLimiter?: RateLimiterAbstract): Promise<RateLimiterPostgres> {
  const { default: pg } = await import("pg");
  const storeClient = new pg.Pool({ connectionString: url, max: 5 });
  storeClient.on("error", () => undefined);
  return new RateLimiterPostgres({ ...base, storeClient, storeType: "pool", tableName: "rate_limits", tableCreated: true, insuranceLimiter });
}

/** The limiter that counts while the store is down: `undefined` (policy closed) lets its errors through. */
async function insurance(base: Base, fallback: FallbackPolicy, databaseUrl: string | null, health: StoreHealth): Promise<RateLimiterAbstract | undefined> {
  if (fallback === "closed") return undefined;
  if (fallback === "memory" || !databaseUrl) return reportingUse(new RateLimiterMemory(base), health);
  // Should PostgreSQL be down as well, count in memory rather than fail open.
  return reportingUse(await postgresLimiter(base, databaseUrl, new RateLimiterMemory(base)), health);
}

export async function createLimiter(policy: RateLimitPolicy, env?: Env, keyPrefix = "api"): Promise<CreatedLimiter> {
  const base = { points: policy.points, duration: policy.windowSeconds, keyPrefix };
  const kind = storeKind(env);
  const fallback = fallbackPolicy(env, kind);
  const { rateLimit, database } = config(env);
  if (kind === "redis" && rateLimit.redisUrl && fallback) {
    const { Redis } = await import("ioredis");
    const storeClient = new Redis(rateLimit.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    storeClient.on("error", () => undefined); // reported through StoreHealth; avoid unhandled 'error'
    const health = new StoreHealth(() => storeClient.status === "ready");
    // Without an offline queue, commands sent before the connection is up go to the fallback: wait
    // (bounded) so counting starts in Redis; a refused connection need not be waited for.
    await new Promise<void>((resolve) => {
      storeClient.once("ready", () => resolve());
      storeClient.once("error", () => resolve());
      setTimeout(resolve, 3_000).unref();
    });
    const insuranceLimiter = await insurance(base, fallback, database.url, health);
    return { limiter: new RateLimiterRedis({ ...base, storeClient, insuranceLimiter }), kind, fallback, health };
  }
  if (kind === "postgres" && database.url && fallback) {
    const health = new StoreHealth();
    const limiter = await postgresLimiter(base, database.url, await insurance(base, fallback, database.url, health));
    return { limiter, kind, fallback, health };
  }
  return { limiter: new RateLimiterMemory(base), kind: "memory", fallback: null, health: new StoreHealth() };
}
