import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, config, ensureConfigOnStart, freezeConfig, parseConfig } from "./config";

describe("parseConfig", () => {
  it("gives every default when nothing is set", () => {
    const c = parseConfig({});
    expect(c.database).toEqual({ url: null, poolSize: 10 });
    expect(c.dataDir).toBe(path.resolve(".data"));
    expect(c.port).toBe(3000);
    expect(c.internalOrigin).toBe("http://127.0.0.1:3000");
    expect(c.rateLimit).toEqual({ policy: { points: 500, windowSeconds: 900 }, store: null, fallback: null, redisUrl: null });
    expect(c.proxy).toEqual({ hops: 0, trusted: null, clientIpHeader: null });
    expect(c.retention).toEqual({ requestLogDays: 30, auditDays: 365 });
    expect(c.caches).toEqual({ readCacheBytes: 32 * 1024 * 1024, readCacheTtlMs: 60_000, keyTtlMs: 5_000, partnershipTtlMs: 5_000 });
    expect(c.purgeIntervalMinutes).toBe(60);
    expect(c.cliWaitMs).toBe(15_000);
    expect(c.server).toEqual({ keepAliveTimeout: 65_000, headersTimeout: 20_000, requestTimeout: 60_000 });
    expect(c.shutdownGraceMs).toBe(10_000);
    expect(c).toMatchObject({ debug: false, crashAfterWrite: false, bench: { enabled: false, payloadFile: null } });
  });

  it("reads set values, trimmed; a blank variable is unset", () => {
    const c = parseConfig({
      DATABASE_URL: " postgresql://u@db:5432/klau ",
      KLAU_READ_CACHE_MB: "0.5",
      KLAU_RATE_LIMIT_STORE: "Redis",
      REDIS_URL: "redis://cache:6379",
      KLAU_CLIENT_IP_HEADER: "X-Real-IP",
      PORT: "3108",
      KLAU_AUDIT_DAYS: "",
      KLAU_DEBUG: "1",
    });
    expect(c.database.url).toBe("postgresql://u@db:5432/klau");
    expect(c.caches.readCacheBytes).toBe(512 * 1024);
    expect(c.rateLimit).toMatchObject({ store: "redis", redisUrl: "redis://cache:6379" });
    expect(c.proxy.clientIpHeader).toBe("x-real-ip");
    expect(c.internalOrigin).toBe("http://127.0.0.1:3108");
    expect(c.retention.auditDays).toBe(365);
    expect(c.debug).toBe(true);
  });

  it.each([
    ["KLAU_READ_CACHE_MB", "abc", 'KLAU_READ_CACHE_MB must be a number > 0, got "abc"'],
    ["KLAU_READ_CACHE_TTL_MS", "-5", 'KLAU_READ_CACHE_TTL_MS must be a number ≥ 0, got "-5"'],
    ["DATABASE_POOL_SIZE", "ten", 'DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got "ten"'],
    ["KLAU_RATE_LIMIT_STORE", "mongo", 'KLAU_RATE_LIMIT_STORE must be one of memory, postgres, redis, got "mongo"'],
    ["KLAU_TRUSTED_PROXIES", "10.0.0.0/33", "KLAU_TRUSTED_PROXIES must be a comma-separated list of IP addresses and CIDR ranges"],
    ["KLAU_INTERNAL_ORIGIN", "app.internal", 'KLAU_INTERNAL_ORIGIN must be an http(s):// origin, got "app.internal"'],
    ["PORT", "70000", 'PORT must be a whole number from 1 to 65535, got "70000"'],
    ["KLAU_DEBUG", "yes", 'KLAU_DEBUG must be 1 or 0, got "yes"'],
  ])("refuses %s=%s with a message naming it", (name, raw, message) => {
    expect(() => parseConfig({ [name]: raw })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: raw })).toThrow(message);
  });

  it("never echoes a secret's value", () => {
    const error = (() => {
      try {
        parseConfig({ DATABASE_URL: "mysql://root:hunter2@db/klau", REDIS_URL: "http://:hunter2@cache" });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems).toEqual([
      "DATABASE_URL must be a postgresql:// URL (leave it unset for the embedded database)",
      "REDIS_URL must be a redis:// or rediss:// URL",
    ]);
    expect(error?.message).not.toContain("hunter2");
  });
});

describe("config()", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("reads process.env, and again when a variable changes", () => {
    vi.stubEnv("KLAU_CLI_WAIT_MS", "100");
    expect(config().cliWaitMs).toBe(100);
    expect(config()).toBe(config());
    vi.stubEnv("KLAU_CLI_WAIT_MS", "200");
    expect(config().cliWaitMs).toBe(200);
  });

  it("parses an explicit set of variables instead when given one", () => {
    vi.stubEnv("KLAU_CLI_WAIT_MS", "100");
    expect(config({ KLAU_CLI_WAIT_MS: "5" }).cliWaitMs).toBe(5);
  });

  it("stops the process at start with one line naming the variable", () => {
    vi.stubEnv("KLAU_READ_CACHE_MB", "abc");
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    ensureConfigOnStart();
    expect(exit).toHaveBeenCalledWith(1);
    expect(logged).toHaveBeenCalledWith('Invalid configuration: KLAU_READ_CACHE_MB must be a number > 0, got "abc"');
  });

  it("once frozen (a started server), keeps the configuration it has without re-reading the environment", () => {
    vi.stubEnv("KLAU_CLI_WAIT_MS", "7");
    expect(config().cliWaitMs).toBe(7);
    freezeConfig();
    try {
      vi.stubEnv("KLAU_CLI_WAIT_MS", "8");
      expect(config().cliWaitMs).toBe(7);
    } finally {
      freezeConfig(false);
    }
    expect(config().cliWaitMs).toBe(8);
  });
});
