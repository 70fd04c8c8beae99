import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import { sessionSubject } from "@/lib/auth/session-cookie";
import { requestHeaders } from "@/lib/request-context/request-headers";

/**
 * The user id the request's session cookie names (verified, not yet looked up). The one way to read
 * it: pages and actions under Next, and actions served on the API fast path (actionRoute), alike.
 */
export async function getSessionUserId(): Promise<string | null> {
  return sessionSubject(await requestHeaders(), getAuthSecret());
}
