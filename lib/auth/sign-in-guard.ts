import "server-only";
import { createLimiter } from "@/lib/ratelimit/store";
import { createSignInThrottle, SIGN_IN_POLICY, type SignInThrottle } from "./sign-in-throttle";

// One throttle per process, on the same store as the API limiter (shared across instances with Redis).
let throttle: Promise<SignInThrottle> | undefined;

export function signInThrottle(): Promise<SignInThrottle> {
  throttle ??= createLimiter(SIGN_IN_POLICY, process.env, "sign-in").then(({ limiter }) => createSignInThrottle(limiter));
  return throttle;
}
