import "server-only";
import { CredentialsSignin } from "next-auth";
import type { SignInLock } from "./sign-in-throttle";

/**
 * Thrown by `authorize` when the throttle refuses. Auth.js puts `code` in the redirect of its own
 * callback endpoint (/login?error=CredentialsSignin&code=rate_limited); the /login form's action
 * receives the error itself and reads the lock for its message.
 */
export class SignInLocked extends CredentialsSignin {
  override code = "rate_limited";

  constructor(readonly lock: SignInLock) {
    super("Too many failed sign-in attempts");
  }
}
