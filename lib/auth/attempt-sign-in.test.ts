import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { attemptSignIn } from "./attempt-sign-in";
import type { SignInInput } from "./credentials";
import { createSignInThrottle, SIGN_IN_POLICY } from "./sign-in-throttle";

const throttle = () =>
  createSignInThrottle({
    email: new RateLimiterMemory({ points: SIGN_IN_POLICY.email.points, duration: SIGN_IN_POLICY.email.windowSeconds }),
    ip: new RateLimiterMemory({ points: SIGN_IN_POLICY.ip.points, duration: SIGN_IN_POLICY.ip.windowSeconds }),
  });
const verify = async (input: SignInInput) => (input.password === "right" ? { id: "u1", email: input.email, name: "Ada" } : null);

describe("attemptSignIn → audit", () => {
  it("records every attempt whose password was checked, success and failure, and nothing else", async () => {
    const recorded: { email: string; ok: boolean }[] = [];
    const record = async (attempt: { email: string; ok: boolean }) => {
      recorded.push(attempt);
    };
    const t = throttle();
    const deps = { throttle: t, verify, record };
    expect(await attemptSignIn(deps, { email: " ada@x.test", password: "wrong" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptSignIn(deps, { email: "ada@x.test", password: "right" }, null)).toMatchObject({ ok: true });
    expect(await attemptSignIn(deps, { email: "not an email", password: "right" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(recorded).toEqual([
      { email: "ada@x.test", ok: false },
      { email: "ada@x.test", ok: true },
    ]);

    for (let i = 0; i < SIGN_IN_POLICY.email.points; i++) await attemptSignIn(deps, { email: "bob@x.test", password: "wrong" }, null);
    const before = recorded.length;
    expect(await attemptSignIn(deps, { email: "bob@x.test", password: "right" }, null)).toMatchObject({ reason: "locked" });
    expect(recorded.length, "a locked attempt checks no password and records nothing").toBe(before);
  });
});
