import { type NextRequest, NextResponse } from "next/server";
import { loginPath } from "@/lib/auth/callback-url";
import { requiresSession } from "@/lib/auth/protected-paths";
import { getAuthSecret } from "@/lib/auth/secret";
import { hasValidSessionCookie } from "@/lib/auth/session-cookie";
import { forwardedProto, proxyTrust } from "@/lib/ratelimit/proxy-trust";
import { newNonce, pageSecurityHeaders } from "@/lib/security/headers";

/**
 * For app pages: the per-request security headers (a CSP with a fresh nonce, which Next reads from
 * the request's CSP header and puts on its scripts; HSTS over https), and sends signed-out visitors
 * to /login with a relative callbackUrl. No database and no cookie writes here; this is not the
 * access check — every page and action verifies the user and tenant on the server (proxies can be
 * bypassed: CVE-2025-29927).
 */
export async function proxy(req: NextRequest): Promise<NextResponse> {
  const security = pageSecurityHeaders({
    nonce: newNonce(),
    // `next start` only speaks http: https is what a trusted proxy in front says it served.
    https: forwardedProto(req.headers, proxyTrust()) === "https",
    dev: process.env.NODE_ENV === "development",
  });
  const { pathname, search, origin } = req.nextUrl;
  const response =
    !requiresSession(pathname) || (await hasValidSessionCookie(req, getAuthSecret()))
      ? NextResponse.next({ request: { headers: withHeaders(req.headers, security) } })
      : NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), origin));
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

function withHeaders(headers: Headers, extra: Record<string, string>): Headers {
  const out = new Headers(headers);
  for (const [name, value] of Object.entries(extra)) out.set(name, value);
  return out;
}

export const config = {
  // Pages only: API routes answer with their own 401 envelopes, assets need no session, and
  // /docs sets its own CSP (Swagger UI, no inline scripts).
  matcher: ["/((?!api/|_next/|docs|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
