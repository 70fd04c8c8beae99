import { z } from "zod";

/**
 * One console call as the browser sends it to the server (and as history keeps it, minus
 * any key). Shared by the page and the route: the single shape of a call.
 */
/** Where the console page posts a call (route handlers made with `actionRoute`), per kind of console. */
export const CONSOLE_SEND_URL = { tenant: "/api/console/tenant", vendor: "/api/console/vendor" } as const;

export const CONSOLE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ConsoleMethod = (typeof CONSOLE_METHODS)[number];

export const WRITE_METHODS: readonly ConsoleMethod[] = ["POST", "PUT", "PATCH", "DELETE"];

export function isWrite(method: string): boolean {
  return (WRITE_METHODS as readonly string[]).includes(method);
}

export const consoleCall = z.object({
  method: z.enum(CONSOLE_METHODS),
  /** Path and query string, e.g. `/api/v1/jobs?date=2026-03-15`. Checked by `consoleTarget`. */
  path: z.string().trim().min(1, "Enter a path").max(4_000),
  /** The JSON body as typed (writes only). */
  body: z.string().max(1_000_000, "The console sends bodies up to 1 MB").optional(),
  /** Sent as Idempotency-Key on writes when present. */
  idempotencyKey: z.string().trim().min(1).max(255).optional(),
});
export type ConsoleCall = z.infer<typeof consoleCall>;

/**
 * Who the call is made as: the signed-in user through a short-lived console credential (scopes
 * chosen in the console, never above the role), or a pasted key held only in the page's memory.
 */
export const consoleIdentity = z.discriminatedUnion("type", [
  z.object({ type: z.literal("session"), scopes: z.array(z.string().max(64)).min(1, "Choose at least one scope").max(100) }),
  z.object({ type: z.literal("key"), key: z.string().trim().min(1, "Paste an API key").max(200) }),
]);
export type ConsoleIdentity = z.infer<typeof consoleIdentity>;

/** The response as the page shows it. */
export type ConsoleResponse = {
  status: number;
  statusText: string;
  /** Server time from sending the request to having read the whole answer, in ms. */
  durationMs: number;
  /** The headers that matter to an integrator (lower-case names), in a stable order. */
  headers: [string, string][];
  body: string;
  /** True when the body was cut at the console's display limit. */
  truncated: boolean;
};
