import "server-only";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { KEY_PREFIX } from "@/lib/keys/format";
import { canonicalScopes } from "@/lib/scopes/access-map";
import { isScope } from "@/lib/scopes/catalog";
import type { ConsoleCall, ConsoleIdentity } from "./call";
import { isWrite } from "./call";
import { CONSOLE_CREDENTIAL_SECONDS, type ConsoleClaims, mintConsoleCredential } from "./credential";
import { ConsoleCredentialCache } from "./credential-cache";

const minted = new ConsoleCredentialCache();

/** Who is at the console: the signed-in user, what their role allows, and what a session acts for. */
export type ConsoleUser = {
  userId: string;
  email: string;
  /** The role allows writes (console:write); members read only. */
  canWrite: boolean;
  binding: Pick<ConsoleClaims, "kind" | "tenant" | "vendorId">;
};

/** Members send GETs only, whatever the identity: the server decides, not the page. */
export function assertMethodAllowed(user: ConsoleUser, call: ConsoleCall): void {
  if (isWrite(call.method) && !user.canWrite) {
    throw new ForbiddenError("Your role can send GET requests only from the console");
  }
}

/** The session's scopes: valid scope names, and never above the role (read only for members). */
export function sessionScopes(user: ConsoleUser, requested: readonly string[]): string[] {
  const unknown = requested.filter((s) => !isScope(s));
  if (unknown.length > 0) throw new InvalidInputError(`Unknown scope: ${unknown.join(", ")}`, { field: "scopes" });
  if (!user.canWrite && requested.some((s) => s.startsWith("write:"))) {
    throw new ForbiddenError("Your role allows read scopes only in the console");
  }
  return canonicalScopes(requested);
}

/** A console credential that was minted for a call: what the audit log records (never the token). */
export type IssuedConsoleCredential = { scopes: string[]; expiresAt: Date };

/**
 * The Authorization header for a call: a console credential for this user (never sent to the
 * browser), minted now or reused from this user's earlier calls with the same tenant and scopes
 * while it has more than a minute left; `issued` says what a newly minted one carries (null when
 * reused or for a key). Or the pasted key as is: a pasted value that is not an API key is refused
 * without echoing it.
 */
export function authorizationFor(
  user: ConsoleUser,
  identity: ConsoleIdentity,
  secret: string,
  now = new Date(),
  cache: ConsoleCredentialCache = minted,
): { header: string; issued: IssuedConsoleCredential | null } {
  if (identity.type === "key") {
    if (!identity.key.startsWith(KEY_PREFIX)) {
      throw new InvalidInputError(`Paste an API key: it starts with ${KEY_PREFIX}`, { field: "key" });
    }
    return { header: `Bearer ${identity.key}`, issued: null };
  }
  const scopes = sessionScopes(user, identity.scopes);
  const claims = { sub: user.userId, email: user.email, ...user.binding, scopes };
  const cacheKey = JSON.stringify(claims);
  const reused = cache.get(cacheKey, now);
  if (reused) return { header: `Bearer ${reused.token}`, issued: null };
  const token = mintConsoleCredential(secret, claims, now);
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + CONSOLE_CREDENTIAL_SECONDS * 1000);
  cache.set(cacheKey, { token, expiresAt });
  return { header: `Bearer ${token}`, issued: { scopes, expiresAt } };
}
