/**
 * Security headers of the app's pages (set by proxy.ts, per request). The static ones that every
 * response carries, API included (nosniff, referrer policy, no framing), are in next.config.ts.
 */
export type PageSecurityOptions = { nonce: string; https: boolean; dev: boolean };

/**
 * A strict CSP: scripts only with this response's nonce (Next reads it from the request's CSP
 * header and puts it on its own scripts; 'strict-dynamic' lets those load the page's chunks), no
 * framing (clickjacking of key management), no plugins, forms and <base> only to this origin.
 * Styles allow inline: React and Radix write style attributes, which a nonce cannot cover.
 */
export function contentSecurityPolicy({ nonce, https, dev }: PageSecurityOptions): string {
  return [
    "default-src 'self'",
    // React's development build evaluates strings for its call stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, the HSTS preload list's minimum: only sent when the page was served over https. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    ...(options.https ? { "strict-transport-security": HSTS } : {}),
  };
}

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Sent on every response (next.config.ts `headers()`), pages and API alike. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors; the API's JSON has nothing to frame either.
  { key: "X-Frame-Options", value: "DENY" },
] as const;
