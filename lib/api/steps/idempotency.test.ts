import { describe, expect, it } from "vitest";
import { requestFingerprint } from "@/lib/idempotency/fingerprint";
import { isValidIdempotencyKey } from "@/lib/idempotency/key";
import { idempotencyKeyOf } from "./idempotency";

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
