import { describe, expect, it } from "vitest";
import { keyStatus, keyWorks } from "./status";

const now = new Date("2026-06-01T12:00:00Z");
const at = (offsetHours: number) => new Date(now.getTime() + offsetHours * 3_600_000);

describe("keyStatus", () => {
  it.each([
    ["no expiry, not revoked", null, null, "active"],
    ["expires in 8 days", null, at(8 * 24), "active"],
    ["expires in exactly 7 days", null, at(7 * 24), "expiring"],
    ["expires in an hour", null, at(1), "expiring"],
    ["expired a moment ago", null, at(0), "expired"],
    ["revoked", at(-1), null, "revoked"],
    ["revoked and expired", at(-1), at(-2), "revoked"],
    ["rolled, grace until in an hour", at(1), null, "retiring"],
    ["rolled, grace ended", at(0), null, "revoked"],
    ["rolled, but expired during the grace", at(1), at(-1), "expired"],
  ] as const)("%s → %s", (_, revokedAt, expiresAt, status) => {
    expect(keyStatus({ revokedAt, expiresAt }, now)).toBe(status);
    expect(keyWorks({ revokedAt, expiresAt }, now)).toBe(status !== "revoked" && status !== "expired");
  });
});
