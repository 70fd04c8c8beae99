import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { mintConsoleCredential } from "@/lib/console/credential";
import { CONSOLE_TEST_SECRET, type FakeWorld, fakeWorld, TENANT, VENDOR_ID } from "../testing";
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

function credentials(world: FakeWorld) {
  return { lookup: world.deps.lookupKey, cache: world.deps.keyCache, consoleSecret: world.deps.consoleSecret };
}

describe("authenticate", () => {
  async function failure(headers: Record<string, string>, world = fakeWorld()) {
    try {
      await authenticate(new Headers(headers), credentials(world));
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

  it("returns the key as the principal for a valid key", async () => {
    const world = fakeWorld();
    const { secret, record } = world.addKey({ kind: "DIRECT" });
    const principal = await authenticate(new Headers({ authorization: `Bearer ${secret}` }), credentials(world));
    expect(principal).toEqual({
      keyId: record.id,
      kind: "DIRECT",
      companyId: record.companyId,
      vendorId: null,
      company: record.company,
      scopes: record.scopes,
      console: null,
    });
  });
});

describe("authenticate: console sessions", () => {
  const claims = {
    sub: "user-1",
    email: "admin@example.test",
    kind: "DIRECT" as const,
    tenant: TENANT,
    vendorId: null,
    scopes: ["read:all"],
  };

  async function outcome(token: string, now = new Date()) {
    const world = fakeWorld();
    try {
      return await authenticate(new Headers({ authorization: `Bearer ${token}` }), credentials(world), now);
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
  }

  it("a credential minted with the app's secret is a console principal for its tenant, without a key lookup", async () => {
    const principal = await outcome(mintConsoleCredential(CONSOLE_TEST_SECRET, claims));
    expect(principal).toEqual({
      keyId: null,
      kind: "DIRECT",
      companyId: TENANT.id,
      vendorId: null,
      company: TENANT,
      scopes: ["read:all"],
      console: { userId: "user-1", email: "admin@example.test" },
    });
  });

  it("a vendor user's credential is a vendor principal (the tenant comes from the header)", async () => {
    const token = mintConsoleCredential(CONSOLE_TEST_SECRET, { ...claims, kind: "VENDOR", tenant: null, vendorId: VENDOR_ID });
    expect(await outcome(token)).toMatchObject({ kind: "VENDOR", vendorId: VENDOR_ID, company: null, companyId: null });
  });

  it.each([
    ["signed with another secret", () => mintConsoleCredential("another-secret-another-secret-another", claims), "unknown"],
    ["expired", () => mintConsoleCredential(CONSOLE_TEST_SECRET, claims, new Date(Date.now() - 6 * 60_000)), "expired"],
    [
      "tampered scopes",
      () => {
        const [head, sig] = mintConsoleCredential(CONSOLE_TEST_SECRET, claims).split(".");
        const payload = JSON.parse(Buffer.from((head ?? "").slice(4), "base64url").toString());
        const forged = Buffer.from(JSON.stringify({ ...payload, scopes: ["write:all"] })).toString("base64url");
        return `klc_${forged}.${sig}`;
      },
      "unknown",
    ],
    ["no signature", () => "klc_abc", "malformed"],
  ])("%s → 401 (%s)", async (_label, token, reason) => {
    const error = await outcome(token());
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).details.reason]).toEqual([401, reason]);
  });
});
