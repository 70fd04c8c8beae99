import { hash, randomBytes } from "node:crypto";

/**
 * API key format, after GitHub's token design: `kl_live_` + 32 base62 chars of randomness
 * (≈190 bits) + a 6-char base62 CRC32 of the random part. The checksum lets us reject a
 * mistyped or truncated key before any database work; `_` keeps it double-click selectable.
 */
export const KEY_PREFIX = "kl_live_";
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
/** Letters and digits after the prefix: the random part, then its checksum. */
export const KEY_BODY_LENGTH = RANDOM_LENGTH + CHECKSUM_LENGTH;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${KEY_BODY_LENGTH}}$`);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase62(value: number, width: number): string {
  let out = "";
  let n = value;
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, "0");
}

function randomBase62(length: number): string {
  // Rejection sampling keeps every character uniformly distributed.
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function checksumOf(randomPart: string): string {
  return toBase62(crc32(randomPart), CHECKSUM_LENGTH);
}

export type KeyCheck = "ok" | "malformed" | "bad_checksum";

/** Pure format check: no database. */
export function checkKeyFormat(candidate: string): KeyCheck {
  if (!KEY_PATTERN.test(candidate)) return "malformed";
  const body = candidate.slice(KEY_PREFIX.length);
  const random = body.slice(0, RANDOM_LENGTH);
  return checksumOf(random) === body.slice(RANDOM_LENGTH) ? "ok" : "bad_checksum";
}

/** SHA-256 hex: keys are high-entropy, so a fast hash is the right one (a slow hash is for passwords). */
export function hashKey(secret: string): string {
  // One-shot hash: no Hash object per request (about 3× cheaper on the hot path).
  return hash("sha256", secret, "hex");
}

export type NewApiKey = {
  /** Shown once to its creator, never stored. */
  secret: string;
  /** Stored: the only way to find the key again. */
  hash: string;
  /** Stored for display: `kl_live_` + first 4 random chars. */
  prefix: string;
  last4: string;
};

export function generateApiKey(): NewApiKey {
  const random = randomBase62(RANDOM_LENGTH);
  const secret = `${KEY_PREFIX}${random}${checksumOf(random)}`;
  return { secret, hash: hashKey(secret), prefix: secret.slice(0, KEY_PREFIX.length + 4), last4: secret.slice(-4) };
}
