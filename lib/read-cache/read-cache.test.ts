import { describe, expect, it } from "vitest";
import { ReadCache } from "./read-cache";

const bytes = (text: string) => new TextEncoder().encode(text);
/** The stored answer as text, or undefined. */
const text = (body: Uint8Array<ArrayBuffer> | undefined) => (body === undefined ? undefined : new TextDecoder().decode(body));

function liveCache(options: { maxBytes?: number; ttlMs?: number } = {}): ReadCache {
  const cache = new ReadCache({ maxBytes: options.maxBytes ?? 1024 * 1024, ttlMs: options.ttlMs ?? 60_000 });
  cache.setLive(true);
  return cache;
}

describe("ReadCache", () => {
  it("answers a stored page for the same tenant and target only", () => {
    const cache = liveCache();
    cache.store(cache.ticket("t1"), "/api/v1/jobs?date=2026-03-15", bytes("page-1"));
    expect(text(cache.lookup("t1", "/api/v1/jobs?date=2026-03-15"))).toBe("page-1");
    expect(text(cache.lookup("t2", "/api/v1/jobs?date=2026-03-15"))).toBeUndefined();
    expect(text(cache.lookup("t1", "/api/v1/jobs?date=2026-03-16"))).toBeUndefined();
  });

  it("drops a tenant's pages when its data changes, and only that tenant's", () => {
    const cache = liveCache();
    cache.store(cache.ticket("t1"), "/a", bytes("t1-a"));
    cache.store(cache.ticket("t2"), "/a", bytes("t2-a"));
    cache.invalidateTenant("t1");
    expect(text(cache.lookup("t1", "/a"))).toBeUndefined();
    expect(text(cache.lookup("t2", "/a"))).toBe("t2-a");
  });

  it("does not keep an answer read before a change that landed while it was being read", () => {
    const cache = liveCache();
    const ticket = cache.ticket("t1"); // the read starts (old data)
    cache.invalidateTenant("t1"); // a write commits meanwhile
    cache.store(ticket, "/a", bytes("old data"));
    expect(text(cache.lookup("t1", "/a"))).toBeUndefined();
    const fresh = cache.ticket("t1");
    cache.store(fresh, "/a", bytes("new data"));
    expect(text(cache.lookup("t1", "/a"))).toBe("new data");
  });

  it("does not keep an answer read before a clear", () => {
    const cache = liveCache();
    const ticket = cache.ticket("t1");
    cache.clear();
    cache.store(ticket, "/a", bytes("old data"));
    expect(text(cache.lookup("t1", "/a"))).toBeUndefined();
  });

  it("serves nothing until live, and forgets everything when it stops being live", () => {
    const cache = new ReadCache({ maxBytes: 1024, ttlMs: 60_000 });
    cache.store(cache.ticket("t1"), "/a", bytes("x"));
    expect(text(cache.lookup("t1", "/a"))).toBeUndefined();
    cache.setLive(true);
    cache.store(cache.ticket("t1"), "/a", bytes("x"));
    expect(text(cache.lookup("t1", "/a"))).toBe("x");
    cache.setLive(false);
    expect(text(cache.lookup("t1", "/a"))).toBeUndefined();
    cache.setLive(true);
    expect(text(cache.lookup("t1", "/a"))).toBeUndefined();
  });

  it("is off with a TTL of 0", () => {
    const cache = liveCache({ ttlMs: 0 });
    cache.store(cache.ticket("t1"), "/a", bytes("x"));
    expect(text(cache.lookup("t1", "/a"))).toBeUndefined();
  });

  it("expires answers after the TTL", async () => {
    const cache = liveCache({ ttlMs: 20 });
    cache.store(cache.ticket("t1"), "/a", bytes("x"));
    expect(text(cache.lookup("t1", "/a"))).toBe("x");
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(text(cache.lookup("t1", "/a"))).toBeUndefined();
  });

  it("stays within its byte budget, evicting the least recently used answers", () => {
    const cache = liveCache({ maxBytes: 100 });
    cache.store(cache.ticket("t1"), "/too-big", bytes("x".repeat(101)));
    expect(text(cache.lookup("t1", "/too-big"))).toBeUndefined();
    for (let i = 0; i < 5; i++) cache.store(cache.ticket("t1"), `/p${i}`, bytes("y".repeat(30)));
    expect(cache.size).toBe(3);
    expect(text(cache.lookup("t1", "/p4"))).toBeDefined();
    expect(text(cache.lookup("t1", "/p0"))).toBeUndefined();
  });
});
