import "server-only";
import { processSingleton } from "@/lib/cache/ttl-cache";
import { createLimiter } from "@/lib/ratelimit/store";
import { createSignInThrottle, SIGN_IN_POLICY, type SignInThrottle } from "./sign-in-throttle";

/**
 * One throttle per process, on the same store as the API limiter (shared across instances with
 * Redis). Process-wide, not per module: the /login action and /api/auth/* are separate bundles,
 * each with its own copy of this module, and a lock made through one must hold in the other.
 */
export function signInThrottle(): Promise<SignInThrottle> {
  return processSingleton("sign-in-throttle", () =>
    Promise.all([createLimiter(SIGN_IN_POLICY.email, undefined, "sign-in"), createLimiter(SIGN_IN_POLICY.ip, undefined, "sign-in-ip")]).then(([email, ip]) =>
      createSignInThrottle({ email: email.limiter, ip: ip.limiter }),
    ),
  );
}
