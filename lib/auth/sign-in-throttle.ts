import "server-only";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Slows password guessing on every sign-in path (the /login form and Auth.js's own
 * /api/auth/callback/credentials both end in the Credentials provider's `authorize`, which calls
 * this). Two budgets of failures per 15 minutes:
 * - per email (normalised): 10 — a guesser rotating addresses still meets it; the cost is that
 *   someone can lock a known address out for 15 minutes;
 * - per client address: 50 across all emails — stops one machine trying a password on many accounts.
 *   Only when the address is known (a trusted proxy is configured: lib/ratelimit/proxy-trust.ts);
 *   otherwise every visitor would share one bucket and anyone could lock everyone out.
 * A point is taken BEFORE the password is checked (atomic in the store, so concurrent guesses cannot
 * slip past the count) and handed back on success: normal sign-ins never add up.
 */
export const SIGN_IN_POLICY = {
  email: { points: 10, windowSeconds: 15 * 60 },
  ip: { points: 50, windowSeconds: 15 * 60 },
} as const;

export type SignInAttempt = { email: string; ip: string | null };
export type SignInLock = { by: "email" | "ip"; retryAfterSeconds: number };

export type SignInThrottle = {
  /** Takes one attempt from each budget; a lock when one is spent (the password is then not checked). */
  take(attempt: SignInAttempt): Promise<SignInLock | null>;
  /** The password was right: the email's failures are forgotten, the address gets its point back. */
  succeeded(attempt: SignInAttempt): Promise<void>;
};

export type SignInLimiters = { email: RateLimiterAbstract; ip: RateLimiterAbstract };

const emailKey = (email: string) => email.trim().toLowerCase();

async function consume(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key, 1);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

export function createSignInThrottle(limiters: SignInLimiters): SignInThrottle {
  return {
    async take({ email, ip }) {
      if (ip !== null) {
        const wait = await consume(limiters.ip, ip);
        if (wait > 0) return { by: "ip", retryAfterSeconds: wait };
      }
      const wait = await consume(limiters.email, emailKey(email));
      return wait > 0 ? { by: "email", retryAfterSeconds: wait } : null;
    },
    async succeeded({ email, ip }) {
      await limiters.email.delete(emailKey(email));
      if (ip !== null) await limiters.ip.reward(ip, 1);
    },
  };
}

export function tooManyAttemptsMessage(lock: SignInLock): string {
  const minutes = Math.ceil(lock.retryAfterSeconds / 60);
  const who = lock.by === "email" ? "for this email" : "from your network";
  return `Too many failed sign-in attempts ${who}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
