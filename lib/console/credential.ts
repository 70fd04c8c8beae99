import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The console's "As me" credential: a short-lived bearer token the console's server action mints
 * for the signed-in user and sends to this app's own /api/v1, so the call passes the whole pipeline
 * as its own principal. It is never sent to the browser, never stored, and not an API key (it is
 * not listed among the tenant's keys). Format: `klc_<payload>.<signature>`, both base64url; the
 * payload is JSON claims, the signature HMAC-SHA256 over `klc_<payload>` with a key derived from the
 * app's auth secret (a different key from the session cookie's).
 */
export const CONSOLE_TOKEN_PREFIX = "klc_";
/** The bound: a console credential never lives longer than this. */
export const CONSOLE_CREDENTIAL_MAX_SECONDS = 15 * 60;
/** Each call mints its own; five minutes leaves room for a slow request and clock skew between calls. */
export const CONSOLE_CREDENTIAL_SECONDS = 5 * 60;

const tenant = z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() });

export const consoleClaims = z.object({
  v: z.literal(1),
  /** The signed-in user the credential speaks for. */
  sub: z.string().min(1),
  email: z.string().min(1),
  kind: z.enum(["DIRECT", "VENDOR"]),
  /** DIRECT: the tenant the user opened the console in. */
  tenant: tenant.nullable(),
  /** VENDOR: the user's vendor account (the tenant comes from Klau-Tenant-Id and a partnership). */
  vendorId: z.string().nullable(),
  scopes: z.array(z.string()).max(200),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type ConsoleClaims = z.infer<typeof consoleClaims>;

export type ConsoleCredentialFailure = "malformed" | "unknown" | "expired";
export type ConsoleVerification = { ok: true; claims: ConsoleClaims } | { ok: false; reason: ConsoleCredentialFailure };

function signingKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("klau console credential v1").digest();
}

function sign(secret: string, signed: string): Buffer {
  return createHmac("sha256", signingKey(secret)).update(signed).digest();
}

export function isConsoleToken(token: string): boolean {
  return token.startsWith(CONSOLE_TOKEN_PREFIX);
}

/** A credential for these claims, valid for `seconds` (capped at 15 minutes) from `now`. */
export function mintConsoleCredential(
  secret: string,
  claims: Omit<ConsoleClaims, "v" | "iat" | "exp">,
  now: Date = new Date(),
  seconds: number = CONSOLE_CREDENTIAL_SECONDS,
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + Math.min(seconds, CONSOLE_CREDENTIAL_MAX_SECONDS);
  const payload = Buffer.from(JSON.stringify({ v: 1, ...claims, iat, exp })).toString("base64url");
  const signed = `${CONSOLE_TOKEN_PREFIX}${payload}`;
  return `${signed}.${sign(secret, signed).toString("base64url")}`;
}

/** Signature first (constant time), then the claims' shape, then the lifetime. */
export function verifyConsoleCredential(secret: string, token: string, now: Date = new Date()): ConsoleVerification {
  const dot = token.lastIndexOf(".");
  if (!isConsoleToken(token) || dot < 0) return { ok: false, reason: "malformed" };
  const signed = token.slice(0, dot);
  const presented = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = sign(secret, signed);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return { ok: false, reason: "unknown" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(signed.slice(CONSOLE_TOKEN_PREFIX.length), "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const claims = consoleClaims.safeParse(parsed);
  if (!claims.success) return { ok: false, reason: "malformed" };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { iat, exp } = claims.data;
  // A credential claiming a longer life than the bound, or issued in the future, is refused.
  if (exp <= nowSeconds || iat > nowSeconds + 60 || exp - iat > CONSOLE_CREDENTIAL_MAX_SECONDS) return { ok: false, reason: "expired" };
  return { ok: true, claims: claims.data };
}
