import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";

/**
 * Whether the request carries a valid, unexpired session cookie — read-only. Unlike auth(), this
 * never re-issues the cookie: a refreshed cookie on a prefetch racing the sign-out action would
 * bring the session back. Auth.js names the cookie `__Secure-…` behind HTTPS, so try both.
 */
export async function hasValidSessionCookie(req: NextRequest, secret: string): Promise<boolean> {
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie });
    if (token?.sub) return true;
  }
  return false;
}
