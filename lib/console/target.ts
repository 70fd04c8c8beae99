import "server-only";
import { config, type Env } from "@/lib/config";
import { InvalidInputError } from "@/lib/errors";

const API_PREFIX = "/api/v1";

function refuse(path: string): never {
  throw new InvalidInputError(`The console only calls this app's ${API_PREFIX} (refused: ${path.slice(0, 200)})`, {
    field: "path",
  });
}

/**
 * The URL a console call goes to: always `origin` (this app), always under /api/v1, so the console
 * can never be used as an open proxy. The path must be relative (no scheme, host or `//`), and
 * after the URL parser has resolved dot segments (also percent-encoded ones) it must still lie under
 * /api/v1; encoded slashes and backslashes are refused outright, since servers disagree on them.
 */
export function consoleTarget(path: string, origin: string): URL {
  const trimmed = path.trim();
  if (!trimmed.startsWith("/") || trimmed.startsWith("//") || /[\\\s]|%2f|%5c/i.test(trimmed)) refuse(path);
  let url: URL;
  try {
    url = new URL(trimmed, origin);
  } catch {
    refuse(path);
  }
  const base = new URL(origin);
  const under = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
  if (url.origin !== base.origin || !under || url.username || url.password) refuse(path);
  url.hash = "";
  return url;
}

/**
 * This app as seen from itself: `KLAU_INTERNAL_ORIGIN`, else loopback on the port the server
 * listens on. Never derived from the request's Host header, which the caller controls.
 */
export function internalOrigin(env?: Env): string {
  return config(env).internalOrigin;
}
