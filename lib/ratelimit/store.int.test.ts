import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { consumePoint } from "./limit";
import { createLimiter, type CreatedLimiter } from "./store";

const policy = { points: 500, windowSeconds: 900 };
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
let database: TestDatabase | null = null;

afterAll(async () => {
  await database?.cleanup();
});

async function redisReachable(): Promise<boolean> {
  const { Redis } = await import("ioredis");
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function admitted(env: Record<string, string>): Promise<{ kind: string; admitted: number; identity: string }> {
  const { limiter, kind } = await createLimiter(policy, env);
  const identity = `company:${randomUUID()}`;
  const results = await Promise.all(Array.from({ length: 600 }, () => consumePoint({ limiter, policy }, identity)));
  return { kind, admitted: results.filter((r) => r?.allowed).length, identity };
}

describe("shared rate-limit stores are exact under concurrency", () => {
  it("Redis (REDIS_URL): 600 concurrent → exactly 500", async (ctx) => {
    if (!(await redisReachable())) ctx.skip();
    const result = await admitted({ REDIS_URL: redisUrl });
    expect(result).toMatchObject({ kind: "redis", admitted: 500 });
    // Counted in Redis itself (not by the in-memory insurance limiter).
    const { Redis } = await import("ioredis");
    const client = new Redis(redisUrl);
    expect(await client.get(`api:${result.identity}`)).toBe("600");
    await client.del(`api:${result.identity}`);
    client.disconnect();
  });

  it("PostgreSQL (KLAU_RATE_LIMIT_STORE=postgres, table rate_limits from our migrations): exactly 500", async (ctx) => {
    database = await createTestDatabase();
    if (!database.url) ctx.skip(); // in-memory PGlite has no server to connect a pool to
    const url = database.url ?? "";
    const result = await admitted({ KLAU_RATE_LIMIT_STORE: "postgres", DATABASE_URL: url });
    expect(result).toMatchObject({ kind: "postgres", admitted: 500 });
    // Counted in the table itself (not by the in-memory insurance limiter).
    const row = await database.db.rateLimitCounter.findUnique({ where: { key: `api:${result.identity}` } });
    expect(row?.points).toBe(600);
  });
});

describe("Redis down: the fallback policy (KLAU_RATE_LIMIT_FALLBACK)", () => {
  const unreachableRedis = "redis://127.0.0.1:1";
  const consumeSplit = async (limiters: CreatedLimiter[], identity: string, total: number) => {
    const results = await Promise.all(
      Array.from({ length: total }, (_, i) => consumePoint({ ...(limiters[i % limiters.length] as CreatedLimiter), policy }, identity)),
    );
    return results.filter((r) => r?.allowed).length;
  };

  it("default with a PostgreSQL server: two instances still share one window, counted in the table; health says degraded", async (ctx) => {
    database ??= await createTestDatabase();
    if (!database.url) ctx.skip();
    const env = { REDIS_URL: unreachableRedis, DATABASE_URL: database.url ?? "" };
    const instances = [await createLimiter(policy, env), await createLimiter(policy, env)];
    expect(instances.map((i) => [i.kind, i.fallback])).toEqual([
      ["redis", "postgres"],
      ["redis", "postgres"],
    ]);
    const identity = `company:${randomUUID()}`;
    expect(await consumeSplit(instances, identity, 600)).toBe(500);
    const row = await database.db.rateLimitCounter.findUnique({ where: { key: `api:${identity}` } });
    expect(row?.points).toBe(600);
    expect(instances.every((i) => i.health.degraded())).toBe(true);
  });

  it("memory: each instance counts alone (documented: two instances admit two windows)", async () => {
    const env = { REDIS_URL: unreachableRedis, KLAU_RATE_LIMIT_FALLBACK: "memory" };
    const instances = [await createLimiter(policy, env), await createLimiter(policy, env)];
    expect(await consumeSplit(instances, `company:${randomUUID()}`, 1200)).toBe(1000);
    expect(instances[0]?.health.degraded()).toBe(true);
  });

  it("closed: nothing is admitted (the pipeline answers 503)", async () => {
    const created = await createLimiter(policy, { REDIS_URL: unreachableRedis, KLAU_RATE_LIMIT_FALLBACK: "closed" });
    expect(created.fallback).toBe("closed");
    expect(await consumePoint({ ...created, policy }, `company:${randomUUID()}`)).toBeNull();
    expect(created.health.degraded()).toBe(true);
  });
});
