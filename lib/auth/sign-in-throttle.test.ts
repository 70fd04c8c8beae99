import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { attemptSignIn } from "./attempt-sign-in";
import type { AuthenticatedUser, SignInInput } from "./credentials";
import { createSignInThrottle, SIGN_IN_POLICY, type SignInThrottle, tooManyAttemptsMessage } from "./sign-in-throttle";

const throttle = () =>
  createSignInThrottle({
    email: new RateLimiterMemory({ points: SIGN_IN_POLICY.email.points, duration: SIGN_IN_POLICY.email.windowSeconds }),
    ip: new RateLimiterMemory({ points: SIGN_IN_POLICY.ip.points, duration: SIGN_IN_POLICY.ip.windowSeconds }),
  });

const PASSWORD = "right-password";
const ADA: AuthenticatedUser = { id: "u1", email: "ada@example.test", name: "Ada" };
/** A user directory where every address has PASSWORD: the throttle, not the password, decides. */
function signIn(t: SignInThrottle, email: string, password: string, ip: string | null = null) {
  const verify = async (input: SignInInput) => (input.password === PASSWORD ? { ...ADA, email: input.email } : null);
  return attemptSignIn({ throttle: t, verify }, { email, password }, ip);
}

describe("sign-in throttle", () => {
  it("ten failures lock the email for the window, even with the right password", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.email.points; i++) expect(await signIn(t, ADA.email, "wrong")).toEqual({ ok: false, reason: "invalid" });
    const locked = await signIn(t, ADA.email, PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: "locked", lock: { by: "email" } });
    if (locked.ok || locked.reason !== "locked") throw new Error("expected a lock");
    expect(locked.lock.retryAfterSeconds).toBeGreaterThan(SIGN_IN_POLICY.email.windowSeconds - 5);
    expect(locked.lock.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_POLICY.email.windowSeconds);
  });

  it("concurrent guesses cannot slip past the count: of 30 at once, 10 reach the password check", async () => {
    const t = throttle();
    let checked = 0;
    const verify = async () => {
      checked++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return null;
    };
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => attemptSignIn({ throttle: t, verify }, { email: ADA.email, password: "x" }, null)));
    expect(checked).toBe(SIGN_IN_POLICY.email.points);
    expect(outcomes.filter((o) => !o.ok && o.reason === "locked")).toHaveLength(30 - SIGN_IN_POLICY.email.points);
  });

  it("counts an email however it is cased or padded, and no other email", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.email.points; i++) await signIn(t, i % 2 ? " Ada@Example.test " : "ada@example.test", "wrong");
    expect(await signIn(t, "ADA@example.test", PASSWORD)).toMatchObject({ reason: "locked" });
    expect(await signIn(t, "bob@example.test", PASSWORD)).toMatchObject({ ok: true });
  });

  it("a success clears the email's failures", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.email.points - 1; i++) await signIn(t, ADA.email, "wrong");
    expect(await signIn(t, ADA.email, PASSWORD)).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_POLICY.email.points; i++) expect(await signIn(t, ADA.email, "wrong")).toMatchObject({ reason: "invalid" });
  });

  it("one address failing across many emails is locked for every email; other addresses are not", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.ip.points; i++) {
      expect(await signIn(t, `user${i}@example.test`, "wrong", "1.2.3.4")).toMatchObject({ reason: "invalid" });
    }
    expect(await signIn(t, "fresh@example.test", PASSWORD, "1.2.3.4")).toMatchObject({ reason: "locked", lock: { by: "ip" } });
    expect(await signIn(t, "fresh@example.test", PASSWORD, "5.6.7.8")).toMatchObject({ ok: true });
  });

  it("successful sign-ins from one address never add up (an office behind one NAT)", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.ip.points + 5; i++) expect(await signIn(t, `user${i}@example.test`, PASSWORD, "1.2.3.4")).toMatchObject({ ok: true });
  });

  it("an unknown address (no trusted proxy) is limited per email only", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.ip.points + 5; i++) expect(await signIn(t, `user${i}@example.test`, "wrong", null)).toMatchObject({ reason: "invalid" });
  });

  it("malformed input is refused before the throttle or the password check", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.email.points + 1; i++) expect(await signIn(t, "not-an-email", "x")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(t, "a@b.test", "")).toEqual({ ok: false, reason: "invalid" });
  });

  it("says how long to wait in whole minutes and what was locked", () => {
    expect(tooManyAttemptsMessage({ by: "email", retryAfterSeconds: 899 })).toBe("Too many failed sign-in attempts for this email. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage({ by: "ip", retryAfterSeconds: 30 })).toBe("Too many failed sign-in attempts from your network. Try again in 1 minute.");
  });
});
