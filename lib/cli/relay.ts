import { z } from "zod";
import { failure } from "./envelope";
import type { CliResult } from "./types";

/** The running app's answer to POST /api/internal/cli. */
export const relayResponse = z.object({
  data: z.object({ exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]), output: z.string(), stderr: z.string() }),
});

export const RELAY_PATH = "/api/internal/cli";

function isConnectionRefused(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === "ECONNREFUSED";
}

/**
 * Sends argv to the process that owns the embedded database and returns its result. "not-listening"
 * means nothing accepted the connection (the app is starting or gone), so the command surely did not
 * run and may be retried; any other failure is reported, never retried (the command may have run).
 */
export async function relayToOwner(owner: { url: string; token: string }, argv: readonly string[]): Promise<CliResult | "not-listening"> {
  let response: Response;
  try {
    response = await fetch(new URL(RELAY_PATH, owner.url), {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
      body: JSON.stringify({ argv }),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    if (isConnectionRefused(error)) return "not-listening";
    const message = error instanceof Error ? error.message : String(error);
    return failure("OWNER_UNREACHABLE", `Could not reach the running app at ${owner.url}: ${message}`);
  }
  const parsed = relayResponse.safeParse(await response.json().catch(() => null));
  if (response.ok && parsed.success) return parsed.data.data;
  return failure(
    "OWNER_UNREACHABLE",
    `The running app at ${owner.url} refused the command (HTTP ${response.status}); is it the app that owns this data directory?`,
  );
}
