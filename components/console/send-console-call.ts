import type { ActionOutcome } from "@/components/actions/action-result";
import type { ConsoleResponse } from "@/lib/console/call";

/**
 * Posts one console call to the console's route (an authorized action served as JSON, see
 * lib/http/action-route.ts) and returns its outcome. A network failure or an answer that is not
 * the route's JSON throws: the page shows "could not reach the server".
 */
export async function sendConsoleCall(url: string, input: unknown): Promise<ActionOutcome<ConsoleResponse>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(input),
    cache: "no-store",
  });
  if (!response.headers.get("content-type")?.includes("application/json")) throw new Error(`console: unexpected answer ${response.status}`);
  return (await response.json()) as ActionOutcome<ConsoleResponse>;
}
