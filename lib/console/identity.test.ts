import { describe, expect, it, vi } from "vitest";
import { ConsoleCredentialCache } from "./credential-cache";
import { authorizationFor, type ConsoleUser } from "./identity";

vi.mock("server-only", () => ({}));

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const TENANT = { id: "a0000000-0000-4000-8000-000000000002", name: "North", parentId: null };
const admin: ConsoleUser = { userId: "u1", email: "admin@x.test", canWrite: true, binding: { kind: "DIRECT", tenant: TENANT, vendorId: null } };
const session = (scopes: string[]) => ({ type: "session" as const, scopes });

describe("console credentials across calls", () => {
  it("the next calls of the same session reuse the credential (nothing new to audit) until a minute before it expires", () => {
    const cache = new ConsoleCredentialCache();
    const t0 = new Date("2026-03-15T10:00:00Z");
    const first = authorizationFor(admin, session(["read:jobs"]), SECRET, t0, cache);
    expect(first.issued).not.toBeNull();
    const again = authorizationFor(admin, session(["read:jobs"]), SECRET, new Date(t0.getTime() + 3 * 60_000), cache);
    expect(again).toEqual({ header: first.header, issued: null });
    // 4 min 30 s later: less than a minute left on a 5-minute credential → a new one, reported.
    const later = authorizationFor(admin, session(["read:jobs"]), SECRET, new Date(t0.getTime() + 270_000), cache);
    expect(later.header).not.toBe(first.header);
    expect(later.issued?.expiresAt.getTime()).toBe(t0.getTime() + 270_000 + 5 * 60_000);
  });

  it("other scopes, another tenant or another user get a credential of their own", () => {
    const cache = new ConsoleCredentialCache();
    const now = new Date("2026-03-15T10:00:00Z");
    const base = authorizationFor(admin, session(["read:jobs"]), SECRET, now, cache);
    const others = [
      authorizationFor(admin, session(["read:jobs", "read:drivers"]), SECRET, now, cache),
      authorizationFor(
        { ...admin, binding: { ...admin.binding, tenant: { ...TENANT, id: "a0000000-0000-4000-8000-000000000003" } } },
        session(["read:jobs"]),
        SECRET,
        now,
        cache,
      ),
      authorizationFor({ ...admin, userId: "u9", email: "other@x.test" }, session(["read:jobs"]), SECRET, now, cache),
    ];
    for (const other of others) {
      expect(other.issued).not.toBeNull();
      expect(other.header).not.toBe(base.header);
    }
  });
});
