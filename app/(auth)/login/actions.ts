"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { INVALID_CREDENTIALS, signInInput } from "@/lib/auth/credentials";
import { SignInLocked } from "@/lib/auth/sign-in-locked";
import { tooManyAttemptsMessage } from "@/lib/auth/sign-in-throttle";

export type SignInState = {
  email: string;
  error?: string;
  fieldErrors?: { email?: string; password?: string };
};

/**
 * Validates the form, then signs in through Auth.js (which sets the session cookie and redirects).
 * Every credential failure reads the same, so the form does not reveal which emails exist.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const parsed = signInInput.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { email, fieldErrors: { email: fields.email?.[0], password: fields.password?.[0] } };
  }
  try {
    // "/" sends each kind of user to their own home once the session exists.
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(form.get("callbackUrl")) ?? "/" });
  } catch (error) {
    // Success surfaces as Next's redirect "error": only Auth.js failures are handled here. The
    // throttle is applied (and counted) inside the provider's authorize, on every sign-in path.
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof SignInLocked) return { email, error: tooManyAttemptsMessage(error.lock) };
    if (error.type === "CredentialsSignin") return { email, error: INVALID_CREDENTIALS };
    console.error("Sign-in failed", error);
    return { email, error: "Sign-in is unavailable right now. Please try again in a moment." };
  }
  return { email };
}
