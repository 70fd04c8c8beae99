/** Pages anyone may open; every other page under the proxy's matcher needs a session. */
const PUBLIC_PAGES = new Set(["/", "/login"]);

export function requiresSession(pathname: string): boolean {
  return !PUBLIC_PAGES.has(pathname);
}
