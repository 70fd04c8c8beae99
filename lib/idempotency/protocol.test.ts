import { describe, expect, it } from "vitest";
import { MemoryIdempotencyStore } from "./memory-store";
import { ABANDONED_AFTER_MS, finishIdempotent, startIdempotent } from "./protocol";

const scope = { identity: "company:c", tenantId: "c", key: "k1", fingerprint: "f1" };

describe("startIdempotent / finishIdempotent", () => {
  it("50 concurrent claims → exactly one executes, the others see it in flight", async () => {
    const store = new MemoryIdempotencyStore();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => startIdempotent(store, scope)));
    const executed = results.filter((r) => r.status === "fulfilled" && r.value.kind === "execute");
    expect(executed).toHaveLength(1);
    expect(results.filter((r) => r.status === "fulfilled" && r.value.kind === "in-use")).toHaveLength(49);
  });

  it("replays a completed response; a different request is reused", async () => {
    const store = new MemoryIdempotencyStore();
    const start = await startIdempotent(store, scope);
    if (start.kind !== "execute") throw new Error("expected execute");
    const stored = { status: 201, body: '{"data":{"id":"j1"}}', headers: { location: "/api/v1/jobs/j1" } };
    await finishIdempotent(store, start.recordId, stored);
    expect(await startIdempotent(store, scope)).toEqual({ kind: "replay", response: stored });
    expect(await startIdempotent(store, { ...scope, fingerprint: "f2" })).toEqual({ kind: "reused" });
  });

  it("scopes keys by identity and tenant", async () => {
    const store = new MemoryIdempotencyStore();
    await startIdempotent(store, scope);
    expect((await startIdempotent(store, { ...scope, tenantId: "other" })).kind).toBe("execute");
    expect((await startIdempotent(store, { ...scope, identity: "company:other" })).kind).toBe("execute");
  });

  it("5xx responses are not stored: a retry executes again", async () => {
    const store = new MemoryIdempotencyStore();
    const first = await startIdempotent(store, scope);
    if (first.kind !== "execute") throw new Error("expected execute");
    await finishIdempotent(store, first.recordId, { status: 503, body: "{}", headers: {} });
    expect((await startIdempotent(store, scope)).kind).toBe("execute");
  });

  it("4xx responses are stored and replayed", async () => {
    const store = new MemoryIdempotencyStore();
    const first = await startIdempotent(store, scope);
    if (first.kind !== "execute") throw new Error("expected execute");
    await finishIdempotent(store, first.recordId, { status: 404, body: "{}", headers: {} });
    expect((await startIdempotent(store, scope)).kind).toBe("replay");
  });

  it("expired and abandoned records are taken over", async () => {
    const store = new MemoryIdempotencyStore();
    const now = new Date();
    await startIdempotent(store, scope, new Date(now.getTime() - 25 * 3600_000));
    expect((await startIdempotent(store, scope, now)).kind).toBe("execute");
    const other = { ...scope, key: "k2" };
    await startIdempotent(store, other);
    for (const row of store.rows.values()) row.createdAt = new Date(now.getTime() - ABANDONED_AFTER_MS - 1);
    expect((await startIdempotent(store, other, now)).kind).toBe("execute");
  });

  it("an abandoned holder that finished meanwhile is not released: its answer replays", async () => {
    const store = new MemoryIdempotencyStore();
    const first = await startIdempotent(store, scope);
    if (first.kind !== "execute") throw new Error("expected execute");
    await store.release("no-such-row");
    expect(await store.complete(first.recordId, { status: 201, body: "{}", headers: {} })).toBe(true);
    await store.release(first.recordId);
    expect((await startIdempotent(store, scope)).kind).toBe("replay");
    expect(await store.complete(first.recordId, { status: 201, body: "{}", headers: {} })).toBe(false);
  });

  it("purges expired rows", async () => {
    const store = new MemoryIdempotencyStore();
    await startIdempotent(store, scope, new Date(Date.now() - 25 * 3600_000));
    expect(await store.purgeExpired(new Date())).toBe(1);
  });
});
