import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";

/**
 * The headers of the request an action serves. Next provides them (`headers()`) for actions, pages
 * and its route handlers; an action served by `actionRoute` on the API fast path (scripts/server.mjs,
 * outside Next) runs inside `withRequestHeaders` instead.
 */
const current = new AsyncLocalStorage<Headers>();

export function withRequestHeaders<T>(requestHeaders: Headers, run: () => Promise<T>): Promise<T> {
  return current.run(requestHeaders, run);
}

export async function requestHeaders(): Promise<Headers> {
  return current.getStore() ?? (await headers());
}
