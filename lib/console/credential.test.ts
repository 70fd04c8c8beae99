import { describe, expect, it } from "vitest";
import { CONSOLE_CREDENTIAL_MAX_SECONDS, mintConsoleCredential, verifyConsoleCredential } from "./credential";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const CLAIMS = { sub: "u1", email: "a@b.test", kind: "DIRECT" as const, tenant: null, vendorId: null, scopes: ["read:all"] };

describe("console credential", () => {
  it("round-trips its claims until it expires", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const token = mintConsoleCredential(SECRET, CLAIMS, now, 60);
    expect(token).toMatch(/^klc_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyConsoleCredential(SECRET, token, new Date(now.getTime() + 59_000))).toMatchObject({ ok: true, claims: CLAIMS });
    expect(verifyConsoleCredential(SECRET, token, new Date(now.getTime() + 60_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("never lives longer than 15 minutes, whatever is asked", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const token = mintConsoleCredential(SECRET, CLAIMS, now, 24 * 3600);
    const result = verifyConsoleCredential(SECRET, token, now);
    expect(result.ok && result.claims.exp - result.claims.iat).toBe(CONSOLE_CREDENTIAL_MAX_SECONDS);
    expect(verifyConsoleCredential(SECRET, token, new Date(now.getTime() + CONSOLE_CREDENTIAL_MAX_SECONDS * 1000)).ok).toBe(false);
  });

  it("refuses one issued in the future", () => {
    const token = mintConsoleCredential(SECRET, CLAIMS, new Date(Date.now() + 10 * 60_000), 60);
    expect(verifyConsoleCredential(SECRET, token)).toEqual({ ok: false, reason: "expired" });
  });
});
