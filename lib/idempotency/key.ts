import "server-only";
export const IDEMPOTENCY_HEADER = "idempotency-key";

// 1–255 printable ASCII characters (space through tilde); anything else is refused with 400.
const VALID = /^[\x20-\x7e]{1,255}$/;

export function isValidIdempotencyKey(value: string): boolean {
  return VALID.test(value);
}

/** Only requests that change something are idempotent-keyed; GET/HEAD/OPTIONS are safe already. */
export function methodUsesIdempotency(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}
