import "server-only";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { KEY_PREFIX } from "@/lib/keys/format";
import { canonicalScopes } from "@/lib/scopes/access-map";
import { isScope } from "@/lib/scopes/catalog";
import type { ConsoleCall, ConsoleIdentity } from "./call";
import { isWrite } from "./call";
import { type ConsoleClaims, mintConsoleCredential } from "./credential";

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

/**
 * The Authorization header for a call: a console credential minted now for this user (never sent
 * to the browser), or the pasted key as is. A pasted value that is not an API key is refused
 * without echoing it.
 */
export function authorizationFor(user: ConsoleUser, identity: ConsoleIdentity, secret: string, now = new Date()): string {
  if (identity.type === "key") {
    if (!identity.key.startsWith(KEY_PREFIX)) {
      throw new InvalidInputError(`Paste an API key: it starts with ${KEY_PREFIX}`, { field: "key" });
    }
    return `Bearer ${identity.key}`;
  }
  const scopes = sessionScopes(user, identity.scopes);
  const token = mintConsoleCredential(secret, { sub: user.userId, email: user.email, ...user.binding, scopes }, now);
  return `Bearer ${token}`;
}
