import type { RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins for one email within the window, that
 * email is refused until the window ends, whatever the password. Keyed by the normalised email (not
 * the IP, which a guesser rotates); a success clears the count. Only failures count, so a user
 * signing in normally never meets it.
 */
export const SIGN_IN_POLICY = { points: 10, windowSeconds: 15 * 60 };

export type SignInThrottle = {
  /** Seconds until this email may try again; 0 when it may try now. */
  retryAfterSeconds(email: string): Promise<number>;
  recordFailure(email: string): Promise<void>;
  reset(email: string): Promise<void>;
};

const keyOf = (email: string) => email.trim().toLowerCase();

export function createSignInThrottle(limiter: RateLimiterAbstract): SignInThrottle {
  return {
    async retryAfterSeconds(email) {
      const state = await limiter.get(keyOf(email));
      if (!state || state.consumedPoints < limiter.points) return 0;
      return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    },
    async recordFailure(email) {
      await limiter.penalty(keyOf(email), 1);
    },
    async reset(email) {
      await limiter.delete(keyOf(email));
    },
  };
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many failed sign-in attempts for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
