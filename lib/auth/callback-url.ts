/**
 * Where to go after sign-in. Only same-origin relative paths are accepted, so a crafted
 * `/login?callbackUrl=https://evil.example` cannot turn sign-in into an open redirect.
 */
export function safeCallbackPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return undefined;
  // Control characters (tabs, newlines) are stripped by URL parsers and could smuggle a host.
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return undefined;
  try {
    const base = "http://klau.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return undefined;
    if (url.pathname === "/login" || url.pathname.startsWith("/api/")) return undefined;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
}

/** `/login`, carrying where the visitor was headed when that is a safe path. */
export function loginPath(callbackPath?: string): string {
  const safe = safeCallbackPath(callbackPath);
  return safe && safe !== "/" ? `/login?callbackUrl=${encodeURIComponent(safe)}` : "/login";
}
