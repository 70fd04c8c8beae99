import { describe, expect, it } from "vitest";
import { processSingleton, TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("expires entries after the TTL", () => {
    const cache = new TtlCache<string>(1000);
    cache.set("a", "x", 0);
    expect(cache.get("a", 999)).toBe("x");
    expect(cache.get("a", 1000)).toBeUndefined();
  });

  it("evicts the oldest entry when full", () => {
    const cache = new TtlCache<number>(1000, 2);
    cache.set("a", 1, 0);
    cache.set("b", 2, 0);
    cache.set("c", 3, 0);
    expect([cache.get("a", 1), cache.get("b", 1), cache.get("c", 1)]).toEqual([undefined, 2, 3]);
  });

  it("skips a value loaded before an invalidation", () => {
    const cache = new TtlCache<number>(1000);
    const generation = cache.generation;
    cache.delete("other");
    cache.set("a", 1, 0, generation);
    expect(cache.get("a", 1)).toBeUndefined();
  });

  it("deleteWhere drops matching values", () => {
    const cache = new TtlCache<{ id: string }>(1000);
    cache.set("h1", { id: "k1" }, 0);
    cache.set("h2", { id: "k2" }, 0);
    cache.deleteWhere((v) => v.id === "k1");
    expect(cache.size).toBe(1);
  });

  it("a TTL of 0 disables caching", () => {
    const cache = new TtlCache<number>(0);
    cache.set("a", 1, 0);
    expect(cache.get("a", 0)).toBeUndefined();
  });
});

describe("processSingleton", () => {
  it("creates once per process", () => {
    const a = processSingleton("test-singleton", () => ({}));
    expect(processSingleton("test-singleton", () => ({}))).toBe(a);
  });
});
