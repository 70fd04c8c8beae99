import NextAuth from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { authConfig } from "@/auth.config";
import { loginPath } from "@/lib/auth/callback-url";
import { requiresSession } from "@/lib/auth/protected-paths";
import { getAuthSecret } from "@/lib/auth/secret";

// No database here: the proxy only reads the session cookie to send signed-out visitors to
// /login early (with a relative callbackUrl). It is not the access check — every page and
// action verifies the user and tenant on the server.
const { auth } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  callbacks: {
    ...authConfig.callbacks,
    authorized({ request, auth: session }) {
      const { pathname, search, origin } = request.nextUrl;
      if (session?.user || !requiresSession(pathname)) return true;
      return NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), origin));
    },
  },
}));

// Next 16 wants a named `proxy` function. auth(req, ev) is Auth.js's inline middleware form (it runs
// `authorized` above); its typings omit that overload. The wrapper form auth(fn) is no alternative:
// with a lazily configured NextAuth it returns a promise, not a middleware.
const authMiddleware = auth as unknown as (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;

export function proxy(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  return authMiddleware(req, ev);
}

export const config = {
  matcher: [
    {
      // Pages only: API routes answer with their own 401 envelopes, assets need no session.
      source: "/((?!api/|_next/|docs|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)",
      // Not server actions: reading the session here re-issues its cookie, and on the sign-out
      // action that fresh cookie would outlive the deletion. Actions check the session themselves.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
