import "server-only";
import { type ConsoleCredentialFailure, isConsoleToken, verifyConsoleCredential } from "@/lib/console/credential";
import type { KeyCache } from "@/lib/keys/cache";
import { KEY_BODY_LENGTH, KEY_PREFIX } from "@/lib/keys/format";
import { type KeyFailure, type KeyLookup, verifyKey } from "@/lib/keys/verify";
import { ApiError } from "../errors";
import { consolePrincipal, keyPrincipal, type Principal } from "../principal";

const MESSAGES: Record<KeyFailure | "scheme", string> = {
  missing: "Missing API key: send it as `Authorization: Bearer <key>`",
  scheme: "The Authorization header must use the Bearer scheme: `Authorization: Bearer <key>`",
  malformed: `Malformed API key: expected \`${KEY_PREFIX}\` followed by ${KEY_BODY_LENGTH} letters and digits`,
  bad_checksum: "Malformed API key: the checksum does not match (was the key truncated or mistyped?)",
  unknown: "Unknown API key",
  revoked: "This API key has been revoked",
  expired: "This API key has expired",
};

export function authFailure(reason: KeyFailure | "scheme"): ApiError {
  return new ApiError("UNAUTHORIZED", MESSAGES[reason], { reason: reason === "scheme" ? "malformed" : reason }, { "WWW-Authenticate": 'Bearer realm="klau"' });
}

/** The presented secret, or a reason why there is none. Only `Bearer` is accepted (no query/cookie keys). */
export function bearerToken(authorization: string | null): { token: string } | { failure: "missing" | "scheme" } {
  const value = authorization?.trim() ?? "";
  if (value === "") return { failure: "missing" };
  const match = /^bearer(?:\s+(.*))?$/i.exec(value);
  if (!match) return { failure: "scheme" };
  const token = match[1]?.trim() ?? "";
  return token === "" ? { failure: "missing" } : { token };
}

const CONSOLE_MESSAGES: Record<ConsoleCredentialFailure, string> = {
  malformed: "Malformed console credential",
  unknown: "Invalid console credential",
  expired: "This console session has expired: send the call again from the console",
};

function consoleFailure(reason: ConsoleCredentialFailure): ApiError {
  return new ApiError("UNAUTHORIZED", CONSOLE_MESSAGES[reason], { reason }, { "WWW-Authenticate": 'Bearer realm="klau"' });
}

export type Credentials = { lookup: KeyLookup; cache: KeyCache; consoleSecret(): string };

/**
 * Step 2: Bearer → an API key (format + checksum → hash → (cached) key → not revoked, not expired),
 * or a console session (`klc_…`: signature → claims → not expired; no database work).
 */
export async function authenticate(headers: Headers, credentials: Credentials, now = new Date()): Promise<Principal> {
  const bearer = bearerToken(headers.get("authorization"));
  if ("failure" in bearer) throw authFailure(bearer.failure);
  if (isConsoleToken(bearer.token)) {
    const session = verifyConsoleCredential(credentials.consoleSecret(), bearer.token, now);
    if (!session.ok) throw consoleFailure(session.reason);
    return consolePrincipal(session.claims);
  }
  const result = await verifyKey(bearer.token, credentials.lookup, credentials.cache, now);
  if (!result.ok) throw authFailure(result.reason);
  return keyPrincipal(result.key);
}
