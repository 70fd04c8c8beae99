import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { hasValidSessionCookie, sessionSubject } from "./session-cookie";

const SECRET = "test-secret-test-secret-test-secret-0123";

async function requestWith(cookieName: string, token: Record<string, unknown>, secret = SECRET, maxAge = 60) {
  const value = await encode({ token, secret, salt: cookieName, maxAge });
  return new NextRequest("http://localhost/north/settings/developer", { headers: { cookie: `${cookieName}=${value}` } });
}

describe("hasValidSessionCookie", () => {
  it("accepts the session cookie Auth.js sets over HTTP and over HTTPS", async () => {
    expect(await hasValidSessionCookie(await requestWith("authjs.session-token", { sub: "u1" }), SECRET)).toBe(true);
    expect(await hasValidSessionCookie(await requestWith("__Secure-authjs.session-token", { sub: "u1" }), SECRET)).toBe(true);
  });

  it("rejects a missing cookie, a cookie sealed with another secret, and an expired one", async () => {
    expect(await hasValidSessionCookie(new NextRequest("http://localhost/x"), SECRET)).toBe(false);
    const forged = await requestWith("authjs.session-token", { sub: "u1" }, "another-secret-another-secret-another-0");
    expect(await hasValidSessionCookie(forged, SECRET)).toBe(false);
    const expired = await requestWith("authjs.session-token", { sub: "u1" }, SECRET, -60);
    expect(await hasValidSessionCookie(expired, SECRET)).toBe(false);
  });

  it("rejects a token without a user", async () => {
    expect(await hasValidSessionCookie(await requestWith("authjs.session-token", { name: "x" }), SECRET)).toBe(false);
  });

  it("names the session's user, and ignores a token sent as a bearer header instead of the cookie", async () => {
    expect(await sessionSubject((await requestWith("authjs.session-token", { sub: "u1" })).headers, SECRET)).toBe("u1");
    const value = await encode({ token: { sub: "u1" }, secret: SECRET, salt: "authjs.session-token", maxAge: 60 });
    expect(await sessionSubject(new Headers({ authorization: `Bearer ${value}` }), SECRET)).toBeNull();
  });

  it("stops accepting a remembered cookie once it expires", async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    try {
      const request = await requestWith("authjs.session-token", { sub: "u2" }, SECRET, 60);
      expect(await sessionSubject(request.headers, SECRET)).toBe("u2");
      vi.setSystemTime(Date.now() + 60_000 + 16_000);
      expect(await sessionSubject(request.headers, SECRET)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
