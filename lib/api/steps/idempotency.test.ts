import { describe, expect, it } from "vitest";
import { requestFingerprint } from "@/lib/idempotency/fingerprint";
import { isValidIdempotencyKey } from "@/lib/idempotency/key";
import { ABANDONED_AFTER_MS, finishIdempotent, startIdempotent } from "@/lib/idempotency/protocol";
import type { ApiError } from "../errors";
import { MemoryIdempotencyStore } from "../testing";
import { idempotencyKeyOf } from "./idempotency";

const scope = { identity: "company:c", tenantId: "c", key: "k1", fingerprint: "f1" };

describe("idempotencyKeyOf", () => {
  it.each([
    ["POST", "abc", "abc"],
    ["PATCH", "a b-c_1:2", "a b-c_1:2"],
    ["DELETE", "x".repeat(255), "x".repeat(255)],
    ["GET", "abc", null],
    ["HEAD", "abc", null],
    ["POST", null, null],
  ])("%s with %j → %j", (method, value, expected) => {
    const headers = new Headers(value === null ? {} : { "idempotency-key": value });
    expect(idempotencyKeyOf(method, headers)).toBe(expected);
  });

  it.each([["x".repeat(256)], ["é"], ["tab\there"], [""]])("%j → 400 INVALID_IDEMPOTENCY_KEY", (value) => {
    expect(isValidIdempotencyKey(value)).toBe(false);
  });
});

describe("requestFingerprint", () => {
  it.each([
    ["same JSON, other key order", ["POST", "/a", '{"a":1,"b":2}'], ["POST", "/a", '{ "b": 2, "a": 1 }'], true],
    ["other body", ["POST", "/a", '{"a":1}'], ["POST", "/a", '{"a":2}'], false],
    ["other path", ["POST", "/a", "{}"], ["POST", "/b", "{}"], false],
    ["other query", ["POST", "/a?x=1", "{}"], ["POST", "/a?x=2", "{}"], false],
    ["other method", ["POST", "/a", "{}"], ["PUT", "/a", "{}"], false],
    ["non-JSON bodies byte for byte", ["POST", "/a", "x"], ["POST", "/a", "x "], false],
  ] as const)("%s → same: %s", (_name, [m1, p1, b1], [m2, p2, b2], same) => {
    expect(requestFingerprint(m1, p1, b1) === requestFingerprint(m2, p2, b2)).toBe(same);
  });
});

describe("startIdempotent / finishIdempotent", () => {
  it("50 concurrent claims → exactly one executes, the others see it in flight", async () => {
    const store = new MemoryIdempotencyStore();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => startIdempotent(store, scope)));
    const executed = results.filter((r) => r.status === "fulfilled" && r.value.kind === "execute");
    expect(executed).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as ApiError).code)).toEqual(Array(49).fill("IDEMPOTENCY_KEY_IN_USE"));
  });

  it("replays a completed response; refuses a different request with 422", async () => {
    const store = new MemoryIdempotencyStore();
    const start = await startIdempotent(store, scope);
    if (start.kind !== "execute") throw new Error("expected execute");
    const stored = { status: 201, body: '{"data":{"id":"j1"}}', headers: { location: "/api/v1/jobs/j1" } };
    await finishIdempotent(store, start.recordId, stored);
    expect(await startIdempotent(store, scope)).toEqual({ kind: "replay", response: stored });
    const mismatch = await startIdempotent(store, { ...scope, fingerprint: "f2" }).catch((e: ApiError) => e);
    expect((mismatch as ApiError).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((mismatch as ApiError).status).toBe(422);
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

  it("purges expired rows", async () => {
    const store = new MemoryIdempotencyStore();
    await startIdempotent(store, scope, new Date(Date.now() - 25 * 3600_000));
    expect(await store.purgeExpired(new Date())).toBe(1);
  });
});
