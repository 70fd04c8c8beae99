import "server-only";
import { type AuthenticatedUser, type SignInInput, signInInput } from "./credentials";
import type { SignInLock, SignInThrottle } from "./sign-in-throttle";

export type SignInOutcome = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; lock: SignInLock };

/**
 * One sign-in attempt, whatever path it came by: validate, take an attempt from the throttle
 * (email and client address), check the password, hand the attempt back on success. A locked
 * email or address is refused without looking at the password, so the right password does not help.
 * Attempts whose password was checked go to the audit log (`record`).
 */
export async function attemptSignIn(
  deps: {
    throttle: SignInThrottle;
    verify: (input: SignInInput) => Promise<AuthenticatedUser | null>;
    /** Audits each attempt whose password was checked (success or failure). */
    record?: (attempt: { email: string; ok: boolean }) => Promise<void>;
  },
  raw: unknown,
  ip: string | null,
): Promise<SignInOutcome> {
  const input = signInInput.safeParse(raw);
  if (!input.success) return { ok: false, reason: "invalid" };
  const attempt = { email: input.data.email, ip };
  const lock = await deps.throttle.take(attempt);
  if (lock) return { ok: false, reason: "locked", lock };
  const user = await deps.verify(input.data);
  await deps.record?.({ email: input.data.email, ok: user !== null });
  if (!user) return { ok: false, reason: "invalid" };
  await deps.throttle.succeeded(attempt);
  return { ok: true, user };
}
