import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { fakeWorld } from "../testing";
import { authenticate, bearerToken } from "./authenticate";

describe("bearerToken", () => {
  it.each([
    [null, { failure: "missing" }],
    ["", { failure: "missing" }],
    ["   ", { failure: "missing" }],
    ["Bearer", { failure: "missing" }],
    ["Bearer    ", { failure: "missing" }],
    ["Basic dXNlcjpwYXNz", { failure: "scheme" }],
    ["Token kl_live_x", { failure: "scheme" }],
    ["kl_live_x", { failure: "scheme" }],
    ["Bearer kl_live_x", { token: "kl_live_x" }],
    ["bearer kl_live_x", { token: "kl_live_x" }],
    ["BEARER   kl_live_x  ", { token: "kl_live_x" }],
  ])("%j → %j", (header, expected) => {
    expect(bearerToken(header)).toEqual(expected);
  });
});

describe("authenticate", () => {
  async function failure(headers: Record<string, string>, world = fakeWorld()) {
    try {
      await authenticate(new Headers(headers), world.deps.lookupKey, world.deps.keyCache);
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error("expected a failure");
  }

  it.each([
    ["missing", {}, /Missing API key/],
    ["malformed", { authorization: "Basic abc" }, /Bearer scheme/],
    ["malformed", { authorization: "Bearer kl_live_tooShort" }, /Malformed API key/],
    ["bad_checksum", { authorization: `Bearer kl_live_${"a".repeat(38)}` }, /checksum/],
  ])("%s → 401 with its own message", async (reason, headers, message) => {
    const error = await failure(headers);
    expect(error.status).toBe(401);
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.details).toEqual({ reason });
    expect(error.message).toMatch(message);
    expect(error.headers["WWW-Authenticate"]).toMatch(/^Bearer /);
  });

  it.each([
    ["unknown", { id: "gone" }, "Unknown API key"],
    ["revoked", { revokedAt: new Date(Date.now() - 1000) }, "This API key has been revoked"],
    ["expired", { expiresAt: new Date(Date.now() - 1000) }, "This API key has expired"],
  ])("%s key → 401 saying so", async (reason, overrides, message) => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT", ...overrides });
    if (reason === "unknown") world.keys.clear();
    const error = await failure({ authorization: `Bearer ${secret}` }, world);
    expect([error.status, error.details.reason, error.message]).toEqual([401, reason, message]);
  });

  it("returns the key record for a valid key", async () => {
    const world = fakeWorld();
    const { secret, record } = world.addKey({ kind: "DIRECT" });
    const key = await authenticate(new Headers({ authorization: `Bearer ${secret}` }), world.deps.lookupKey, world.deps.keyCache);
    expect(key).toEqual(record);
  });
});
