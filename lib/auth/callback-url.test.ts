import { describe, expect, it } from "vitest";
import { loginPath, safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/a0000000-0000-4000-8000-000000000002/settings/developer", "/a0000000-0000-4000-8000-000000000002/settings/developer"],
    ["/vendor?tab=keys#top", "/vendor?tab=keys#top"],
    ["/", "/"],
  ])("keeps the relative path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ["absolute URL", "https://evil.example/x"],
    ["protocol-relative URL", "//evil.example/x"],
    ["backslash trick", "/\\evil.example"],
    ["tab smuggling", "/\t/evil.example"],
    ["javascript URL", "javascript:alert(1)"],
    ["relative without slash", "vendor"],
    ["the login page itself", "/login?callbackUrl=/x"],
    ["an API route", "/api/auth/signout"],
    ["empty", ""],
    ["not a string", 42],
  ])("rejects %s", (_label, input) => {
    expect(safeCallbackPath(input)).toBeUndefined();
  });
});

describe("loginPath", () => {
  it("carries a safe destination", () => {
    expect(loginPath("/operator")).toBe("/login?callbackUrl=%2Foperator");
  });
  it("drops an unsafe or trivial destination", () => {
    expect(loginPath("https://evil.example")).toBe("/login");
    expect(loginPath("/")).toBe("/login");
    expect(loginPath(undefined)).toBe("/login");
  });
});
