import "server-only";
import { UnavailableError } from "@/lib/errors";
import type { ConsoleCall, ConsoleResponse } from "./call";
import { isWrite } from "./call";
import { consoleTarget } from "./target";

/** The response headers worth showing an integrator, in display order. */
export const SHOWN_HEADERS = [
  "x-request-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "ratelimit",
  "ratelimit-policy",
  "retry-after",
  "x-idempotency-hit",
  "idempotent-replayed",
  "location",
  "allow",
  "www-authenticate",
  "content-type",
] as const;

/** Bodies above this are cut for display (the API's own lists stay far below it). */
const DISPLAY_LIMIT = 512 * 1024;
const TIMEOUT_MS = 30_000;

export type OutgoingAuth = {
  /** `Bearer …`: a pasted key or a freshly minted console credential. Never logged or returned. */
  authorization: string;
  tenantId: string | null;
  /** The browser's address, forwarded so the API's per-IP limits see the user, not this server. */
  clientIp: string | null;
};

/**
 * Sends one console call as real HTTP to this app's own /api/v1 (`origin`), so it passes the whole
 * pipeline like any integration's call, and reads the answer for display. Redirects are not
 * followed (the target stays this app); nothing of the request's credentials is returned.
 */
export async function sendConsoleCall(call: ConsoleCall, auth: OutgoingAuth, origin: string, fetchImpl: typeof fetch = fetch): Promise<ConsoleResponse> {
  const url = consoleTarget(call.path, origin);
  const headers = new Headers({ accept: "application/json", authorization: auth.authorization, "user-agent": "klau-console" });
  if (auth.tenantId) headers.set("klau-tenant-id", auth.tenantId);
  if (auth.clientIp) headers.set("x-forwarded-for", auth.clientIp);
  const write = isWrite(call.method);
  const body = write && call.body?.trim() ? call.body : undefined;
  if (body !== undefined) headers.set("content-type", "application/json");
  if (write && call.idempotencyKey) headers.set("idempotency-key", call.idempotencyKey);
  const started = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, { method: call.method, headers, body, redirect: "manual", cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) });
    text = await response.text();
  } catch {
    throw new UnavailableError("The API did not answer the console's request; try again");
  }
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  const shown: [string, string][] = [];
  for (const name of SHOWN_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) shown.push([name, value]);
  }
  const truncated = text.length > DISPLAY_LIMIT;
  return {
    status: response.status,
    statusText: response.statusText,
    durationMs,
    headers: shown,
    body: truncated ? text.slice(0, DISPLAY_LIMIT) : text,
    truncated,
  };
}
