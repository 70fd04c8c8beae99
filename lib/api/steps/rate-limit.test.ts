import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { rateLimitIdentity } from "@/lib/ratelimit/identity";
import { policyFromEnv } from "@/lib/ratelimit/policy";
import { fallbackPolicy, storeKind } from "@/lib/ratelimit/store";
import { StoreHealth } from "@/lib/ratelimit/store-health";
import { ApiError } from "../errors";
import { rateLimit } from "./rate-limit";

function limiter(points = 500) {
  return { policy: { points, windowSeconds: 900 }, limiter: new RateLimiterMemory({ points, duration: 900 }) };
}

describe("rateLimit", () => {
  it("admits exactly the limit under concurrency (600 concurrent → 500)", async () => {
    const l = limiter();
    const results = await Promise.allSettled(Array.from({ length: 600 }, () => rateLimit(l, "company:a", new Headers())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(500);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(100);
    expect(rejected.every((r) => r.reason instanceof ApiError && r.reason.code === "RATE_LIMITED")).toBe(true);
  });

  it("writes spec and IETF headers on success", async () => {
    const headers = new Headers();
    await rateLimit(limiter(), "company:a", headers);
    expect(Object.fromEntries(headers)).toEqual({
      "x-ratelimit-limit": "500",
      "x-ratelimit-remaining": "499",
      "x-ratelimit-reset": "900",
      "ratelimit-policy": "500;w=900",
      ratelimit: "limit=500, remaining=499, reset=900",
    });
  });

  it("429 carries retry-after and zero remaining", async () => {
    const l = limiter(1);
    await rateLimit(l, "ip:1.2.3.4", new Headers());
    const headers = new Headers();
    const error = await rateLimit(l, "ip:1.2.3.4", headers).catch((e: ApiError) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect(headers.get("retry-after")).toBe("900");
    expect(headers.get("x-ratelimit-remaining")).toBe("0");
    expect((error as ApiError).details).toEqual({ retryAfter: 900 });
  });

  it("identities do not share a budget", async () => {
    const l = limiter(1);
    await rateLimit(l, "vendor:v:tenant-a", new Headers());
    await expect(rateLimit(l, "vendor:v:tenant-b", new Headers())).resolves.toBeUndefined();
  });
});

describe("rateLimitIdentity", () => {
  const base = { console: null };
  it.each([
    [{ ...base, kind: "DIRECT", companyId: "c1", vendorId: null }, "c1", "company:c1"],
    [{ ...base, kind: "VENDOR", companyId: null, vendorId: "v1" }, "t1", "vendor:v1:t1"],
    [{ ...base, kind: "VENDOR", companyId: null, vendorId: "v1" }, null, "vendor:v1"],
    [null, null, "ip:9.9.9.9"],
    // A console session is its own identity, apart from the tenant's keys.
    [{ kind: "DIRECT", companyId: "c1", vendorId: null, console: { userId: "u1", email: "a@b" } }, "c1", "console:u1:c1"],
    [{ kind: "VENDOR", companyId: null, vendorId: "v1", console: { userId: "u2", email: "v@b" } }, "t1", "console:u2:t1"],
  ] as const)("%j acting for %s → %s", (key, tenant, expected) => {
    expect(rateLimitIdentity(key, tenant, "9.9.9.9")).toBe(expected);
  });
});

describe("policy and store selection", () => {
  it.each([
    [{}, { points: 500, windowSeconds: 900 }],
    [
      { KLAU_RATE_LIMIT_POINTS: "10", KLAU_RATE_LIMIT_WINDOW_SECONDS: "60" },
      { points: 10, windowSeconds: 60 },
    ],
  ])("%j → %j", (env, expected) => {
    expect(policyFromEnv(env)).toEqual(expected);
  });

  it("refuses a bad value, naming each variable", () => {
    expect(() => policyFromEnv({ KLAU_RATE_LIMIT_POINTS: "-1", KLAU_RATE_LIMIT_WINDOW_SECONDS: "abc" })).toThrow(
      /KLAU_RATE_LIMIT_POINTS must be a whole number.*KLAU_RATE_LIMIT_WINDOW_SECONDS must be a whole number/,
    );
  });

  it.each([
    [{}, "memory"],
    [{ REDIS_URL: "redis://x" }, "redis"],
    [{ KLAU_RATE_LIMIT_STORE: "postgres", DATABASE_URL: "postgresql://x" }, "postgres"],
    [{ KLAU_RATE_LIMIT_STORE: "postgres" }, "memory"],
    [{ KLAU_RATE_LIMIT_STORE: "memory", REDIS_URL: "redis://x" }, "memory"],
  ])("%j → %s", (env, expected) => {
    expect(storeKind(env)).toBe(expected);
  });

  it.each([
    [{}, null],
    [{ REDIS_URL: "redis://x" }, "memory"],
    [{ REDIS_URL: "redis://x", DATABASE_URL: "postgresql://x" }, "postgres"],
    [{ REDIS_URL: "redis://x", DATABASE_URL: "postgresql://x", KLAU_RATE_LIMIT_FALLBACK: "memory" }, "memory"],
    [{ REDIS_URL: "redis://x", DATABASE_URL: "postgresql://x", KLAU_RATE_LIMIT_FALLBACK: "closed" }, "closed"],
    [{ REDIS_URL: "redis://x", KLAU_RATE_LIMIT_FALLBACK: "postgres" }, "memory"],
    [{ KLAU_RATE_LIMIT_STORE: "postgres", DATABASE_URL: "postgresql://x" }, "memory"],
    [{ KLAU_RATE_LIMIT_STORE: "postgres", DATABASE_URL: "postgresql://x", KLAU_RATE_LIMIT_FALLBACK: "closed" }, "closed"],
  ])("fallback %j → %s", (env, expected) => {
    expect(fallbackPolicy(env)).toBe(expected);
  });

  it("a store that fails with no fallback (closed) → 503 SERVICE_UNAVAILABLE, Retry-After 5, and the failure is reported", async () => {
    const health = new StoreHealth();
    const failing = new RateLimiterMemory({ points: 5, duration: 900 });
    failing.consume = () => Promise.reject(new Error("Connection is closed."));
    const error = await rateLimit({ policy: { points: 5, windowSeconds: 900 }, limiter: failing, health }, "company:c", new Headers()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", status: 503, headers: { "Retry-After": "5" } });
    expect(health.degraded()).toBe(true);
  });
});
