import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { signInInput, verifyCredentials } from "@/lib/auth/credentials";
import { getAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";

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
      async authorize(raw) {
        const input = signInInput.safeParse(raw);
        if (!input.success) throw new CredentialsSignin();
        const user = await verifyCredentials(await getDb(), input.data);
        if (!user) throw new CredentialsSignin();
        return user;
      },
    }),
  ],
}));
