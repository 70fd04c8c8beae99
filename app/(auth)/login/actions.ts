"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { publicAction } from "@/lib/actions/authorized-action";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { INVALID_CREDENTIALS, signInInput } from "@/lib/auth/credentials";
import { SignInLocked } from "@/lib/auth/sign-in-locked";
import { tooManyAttemptsMessage } from "@/lib/auth/sign-in-throttle";
import { RateLimitedError, UnauthorizedError, UnavailableError } from "@/lib/errors";

/**
 * Signs in through Auth.js, which sets the session cookie and redirects (to `callbackUrl` when it is
 * a safe path, else "/", which sends each kind of user to their own home). Every credential failure
 * reads the same, so the form does not reveal which emails exist.
 */
export const signInAction = publicAction(
  { input: signInInput.extend({ callbackUrl: z.string().optional() }) },
  async ({ input: { callbackUrl, ...credentials } }) => {
    try {
      await signIn("credentials", { ...credentials, redirectTo: safeCallbackPath(callbackUrl) ?? "/" });
    } catch (error) {
      // Success surfaces as Next's redirect "error": only Auth.js failures are handled here. The
      // throttle is applied (and counted) inside the provider's authorize, on every sign-in path.
      if (!(error instanceof AuthError)) throw error;
      if (error instanceof SignInLocked) throw new RateLimitedError(tooManyAttemptsMessage(error.lock));
      if (error.type === "CredentialsSignin") throw new UnauthorizedError(INVALID_CREDENTIALS);
      console.error("Sign-in failed", error);
      throw new UnavailableError("Sign-in is unavailable right now. Please try again in a moment.");
    }
  },
);
