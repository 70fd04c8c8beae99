import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/auth-config";
import { attemptSignIn } from "@/lib/auth/attempt-sign-in";
import { verifyCredentials } from "@/lib/auth/credentials";
import { recordSignIn } from "@/lib/auth/sign-in-audit";
import { getAuthSecret } from "@/lib/auth/secret";
import { signInThrottle } from "@/lib/auth/sign-in-guard";
import { SignInLocked } from "@/lib/auth/sign-in-locked";
import { getDb } from "@/lib/db/client";
import { clientAddress, proxyTrust } from "@/lib/ratelimit/proxy-trust";

/** Full Auth.js setup for the Node server: the edge-safe config plus the database-backed provider. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  logger: {
    // A wrong password is an expected outcome (answered on the form, counted by the sign-in throttle),
    // not a server error worth a stack trace in the log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Every credentials sign-in passes here (the /login action and POST /api/auth/callback/credentials),
      // so this is where the throttle sits. `request` carries the original request's headers.
      async authorize(raw, request) {
        const ip = clientAddress(request.headers, proxyTrust());
        const outcome = await attemptSignIn(
          {
            throttle: await signInThrottle(),
            verify: async (input) => verifyCredentials(await getDb(), input),
            record: async (attempt) => recordSignIn(await getDb(), { ...attempt, ip }),
          },
          raw,
          ip,
        );
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "locked") throw new SignInLocked(outcome.lock);
        throw new CredentialsSignin();
      },
    }),
  ],
}));
