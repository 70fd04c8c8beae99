import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config, type Env } from "@/lib/config";

export const MISSING_SECRET_MESSAGE = "AUTH_SECRET must be set when DATABASE_URL is used";

export class AuthSecretError extends Error {}

export function authSecretPath(env?: Env): string {
  return path.join(config(env).dataDir, "auth-secret");
}

function readSecretFile(file: string): string | undefined {
  try {
    const secret = readFileSync(file, "utf8").trim();
    return secret.length >= 32 ? secret : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Creates the secret file once; if another process wins the race, its secret is used. */
function createSecretFile(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const existing = readSecretFile(file);
    if (!existing) throw new AuthSecretError(`${file} exists but holds no usable secret; delete it to regenerate`);
    return existing;
  }
}

/**
 * The secret that signs session cookies. AUTH_SECRET wins; the embedded setup keeps a generated
 * one beside its data (owner-only) so sessions survive restarts without anything committed.
 * Resolved lazily (never at import) so `next build` needs no secret.
 */
export function resolveAuthSecret(env?: Env): string {
  const { authSecret, database } = config(env);
  if (authSecret) return authSecret;
  if (database.url) throw new AuthSecretError(MISSING_SECRET_MESSAGE);
  const file = authSecretPath(env);
  const existing = readSecretFile(file);
  if (existing) {
    chmodSync(file, 0o600); // tighten a file someone copied in with looser permissions
    return existing;
  }
  return createSecretFile(file);
}

let cached: string | undefined;

/** Process-wide memo of resolveAuthSecret() for the running server. */
export function getAuthSecret(): string {
  cached ??= resolveAuthSecret();
  return cached;
}

/**
 * Server start (instrumentation.ts): resolve the secret now so a misconfiguration stops the process
 * with one clear line instead of failing every request later.
 */
export function ensureAuthSecretOnStart(): void {
  try {
    getAuthSecret();
  } catch (error) {
    if (!(error instanceof AuthSecretError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
