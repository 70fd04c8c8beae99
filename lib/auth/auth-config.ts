import "server-only";
import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: safe for the proxy. The
 * Credentials provider (which reads users) is added in lib/auth/auth.ts; the secret is added lazily
 * by whoever instantiates NextAuth, so neither import nor `next build` needs it.
 */
export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  // Self-hosted behind `next start` (no Vercel host detection): trust the Host header.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
