import { LRUCache } from "lru-cache";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/**
 * Opened session cookies, by secret, cookie name and sealed value: opening one costs two trips to
 * libuv's thread pool (HKDF, then AES) — about 1.5 ms of every action and page. The same sealed
 * value always opens to the same payload, so remembering it skips no check but expiry, which is
 * checked on every use (with jose's 15 s tolerance, as `decode` does).
 */
const opened = new LRUCache<string, JWT>({ max: 5_000, ttl: 10 * 60_000 });
const CLOCK_TOLERANCE_S = 15;

async function openSealed(params: JWTDecodeParams): Promise<JWT | null> {
  const key = `${String(params.secret)}\u0000${params.salt}\u0000${params.token ?? ""}`;
  let payload = opened.get(key);
  if (!payload) {
    payload = (await decode(params)) ?? undefined;
    if (payload) opened.set(key, payload);
  }
  if (!payload || (typeof payload.exp === "number" && payload.exp + CLOCK_TOLERANCE_S < Date.now() / 1000)) return null;
  return payload;
}

/**
 * The user id in the request's session cookie — its seal and expiry verified — or null. Read-only:
 * unlike auth(), this never re-issues the cookie (a refreshed cookie on a prefetch racing the
 * sign-out action would bring the session back), and it skips Auth.js's session round (a `Request`,
 * a `Response` and a re-sealed token per call: about 4 ms of every server action). Only the cookie
 * counts, never an `Authorization` header. Auth.js names the cookie `__Secure-…` behind HTTPS, so
 * try both.
 */
export async function sessionSubject(headers: Headers, secret: string): Promise<string | null> {
  const cookieOnly = { headers: { cookie: headers.get("cookie") ?? "" } };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req: cookieOnly, secret, secureCookie, decode: openSealed as typeof decode });
    if (typeof token?.sub === "string" && token.sub !== "") return token.sub;
  }
  return null;
}

/** Whether the request carries a valid, unexpired session cookie (the proxy's redirect check). */
export async function hasValidSessionCookie(req: { headers: Headers }, secret: string): Promise<boolean> {
  return (await sessionSubject(req.headers, secret)) !== null;
}
