import NextAuth, { type NextAuthRequest } from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { authConfig } from "@/auth.config";
import { loginPath } from "@/lib/auth/callback-url";
import { requiresSession } from "@/lib/auth/protected-paths";
import { getAuthSecret } from "@/lib/auth/secret";

// No database here: the proxy only reads the session cookie to send signed-out visitors to
// /login early. It is not the access check — every page and action verifies on the server.
const { auth } = NextAuth(() => ({ ...authConfig, secret: getAuthSecret() }));

// The explicit event parameter selects the middleware overload of auth().
const redirectSignedOut = auth((req: NextAuthRequest, _ev: NextFetchEvent) => {
  const { pathname, search } = req.nextUrl;
  if (req.auth?.user || !requiresSession(pathname)) return NextResponse.next();
  return NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), req.nextUrl.origin));
});

export function proxy(req: NextRequest, ev: NextFetchEvent) {
  return redirectSignedOut(req, ev);
}

export const config = {
  // Pages only: API routes answer with their own 401 envelopes, assets need no session.
  matcher: ["/((?!api/|_next/|docs|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
