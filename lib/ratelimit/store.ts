import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis } from "rate-limiter-flexible";
import type { RateLimitPolicy } from "./policy";

export type StoreKind = "memory" | "postgres" | "redis";

/**
 * Memory on a single instance (exact: one event loop); Redis when REDIS_URL is set; PostgreSQL
 * (table `rate_limits`, created by our migrations) with KLAU_RATE_LIMIT_STORE=postgres and a
 * DATABASE_URL. Both shared stores increment atomically, so the count stays exact across instances.
 */
export function storeKind(env: Record<string, string | undefined> = process.env): StoreKind {
  if (env.KLAU_RATE_LIMIT_STORE === "memory") return "memory";
  if (env.KLAU_RATE_LIMIT_STORE === "postgres" && env.DATABASE_URL) return "postgres";
  if (env.KLAU_RATE_LIMIT_STORE === "redis" || env.REDIS_URL) return env.REDIS_URL ? "redis" : "memory";
  return "memory";
}

export async function createLimiter(
  policy: RateLimitPolicy,
  env: Record<string, string | undefined> = process.env,
  keyPrefix = "api",
): Promise<{ limiter: RateLimiterAbstract; kind: StoreKind }> {
  const base = { points: policy.points, duration: policy.windowSeconds, keyPrefix };
  const kind = storeKind(env);
  // If the shared store fails, the insurance limiter keeps counting in memory instead of failing open.
  const insuranceLimiter = new RateLimiterMemory(base);
  if (kind === "redis" && env.REDIS_URL) {
    const { Redis } = await import("ioredis");
    const storeClient = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    storeClient.on("error", () => undefined); // reported via the insurance path; avoid unhandled 'error'
    // Without an offline queue, commands sent before the connection is up fail over to the insurance
    // limiter (per-process counts): wait for it (bounded) so counting starts in Redis.
    await new Promise<void>((resolve) => {
      storeClient.once("ready", () => resolve());
      setTimeout(resolve, 3_000).unref();
    });
    return { limiter: new RateLimiterRedis({ ...base, storeClient, insuranceLimiter }), kind };
  }
  if (kind === "postgres" && env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const storeClient = new pg.Pool({ connectionString: env.DATABASE_URL, max: 5 });
    storeClient.on("error", () => undefined);
    const limiter = new RateLimiterPostgres({
      ...base,
      storeClient,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      insuranceLimiter,
    });
    return { limiter, kind };
  }
  return { limiter: new RateLimiterMemory(base), kind: "memory" };
}
