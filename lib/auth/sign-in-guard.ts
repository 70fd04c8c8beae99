import "server-only";
import { createLimiter } from "@/lib/ratelimit/store";
import { createSignInThrottle, SIGN_IN_POLICY, type SignInThrottle } from "./sign-in-throttle";

// One throttle per process, on the same store as the API limiter (shared across instances with Redis).
let throttle: Promise<SignInThrottle> | undefined;

export function signInThrottle(): Promise<SignInThrottle> {
  throttle ??= Promise.all([
    createLimiter(SIGN_IN_POLICY.email, process.env, "sign-in"),
    createLimiter(SIGN_IN_POLICY.ip, process.env, "sign-in-ip"),
  ]).then(([email, ip]) => createSignInThrottle({ email: email.limiter, ip: ip.limiter }));
  return throttle;
}
