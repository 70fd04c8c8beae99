/** The largest request body the API reads (the fast path, Next's routes and the docs say the same). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** `1048576` → "1 MB", `65536` → "64 KB": a limit as people read it in a message. */
export function byteLabel(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
