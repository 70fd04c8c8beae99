import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { createSignInThrottle, SIGN_IN_POLICY, tooManyAttemptsMessage } from "./sign-in-throttle";

const throttle = () =>
  createSignInThrottle(new RateLimiterMemory({ points: SIGN_IN_POLICY.points, duration: SIGN_IN_POLICY.windowSeconds }));

describe("sign-in throttle", () => {
  it("lets an email try until its tenth failure, then refuses it for the rest of the window", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.points; i++) {
      expect(await t.retryAfterSeconds("ada@example.test")).toBe(0);
      await t.recordFailure("ada@example.test");
    }
    const wait = await t.retryAfterSeconds("ada@example.test");
    expect(wait).toBeGreaterThan(SIGN_IN_POLICY.windowSeconds - 5);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_POLICY.windowSeconds);
  });

  it("counts an email however it is cased or padded, and no other email", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.points; i++) await t.recordFailure(i % 2 ? " Ada@Example.test " : "ada@example.test");
    expect(await t.retryAfterSeconds("ADA@example.test")).toBeGreaterThan(0);
    expect(await t.retryAfterSeconds("bob@example.test")).toBe(0);
  });

  it("a success (reset) clears the count", async () => {
    const t = throttle();
    for (let i = 0; i < SIGN_IN_POLICY.points; i++) await t.recordFailure("ada@example.test");
    await t.reset("ada@example.test");
    expect(await t.retryAfterSeconds("ada@example.test")).toBe(0);
  });

  it("says how long to wait in whole minutes", () => {
    expect(tooManyAttemptsMessage(899)).toContain("15 minutes");
    expect(tooManyAttemptsMessage(30)).toContain("1 minute.");
  });
});
