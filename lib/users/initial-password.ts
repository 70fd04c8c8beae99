import "server-only";
import { randomBytes } from "node:crypto";

/**
 * A password an operator hands to a new user once (shown once, never stored in clear): 120 random
 * bits as 20 URL-safe characters, well inside bcrypt's 72-byte limit.
 */
export function generateInitialPassword(): string {
  return randomBytes(15).toString("base64url");
}
