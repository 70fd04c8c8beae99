import { type NextRequest, NextResponse } from "next/server";
import { loginPath } from "@/lib/auth/callback-url";
import { requiresSession } from "@/lib/auth/protected-paths";
import { getAuthSecret } from "@/lib/auth/secret";
import { hasValidSessionCookie } from "@/lib/auth/session-cookie";

/**
 * Sends signed-out visitors of app pages to /login with a relative callbackUrl. No database and
 * no cookie writes here; this is not the access check — every page and action verifies the user
 * and tenant on the server (proxies can be bypassed: CVE-2025-29927).
 */
export async function proxy(req: NextRequest): Promise<NextResponse> {
  const { pathname, search, origin } = req.nextUrl;
  if (!requiresSession(pathname) || (await hasValidSessionCookie(req, getAuthSecret()))) return NextResponse.next();
  return NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), origin));
}

export const config = {
  // Pages only: API routes answer with their own 401 envelopes, assets need no session.
  matcher: ["/((?!api/|_next/|docs|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
