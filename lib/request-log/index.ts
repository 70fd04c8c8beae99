import "server-only";
import { processSingleton } from "@/lib/cache/ttl-cache";
import { getDb } from "@/lib/db/client";
import { RequestLogBuffer } from "./buffer";
import { requestLogWriter } from "./writer";

/** The process's request log buffer (shared by every route bundle). */
export const requestLog: RequestLogBuffer = processSingleton("request-log", () => {
  const buffer = new RequestLogBuffer(async () => requestLogWriter(await getDb()));
  // Best effort on a clean exit; at most one flush interval (~1 s) is lost on a hard kill.
  process.once("beforeExit", () => void buffer.flush());
  return buffer;
});

/** For shutdown hooks and tests: write whatever is buffered now. */
export function flushRequestLog(): Promise<void> {
  return requestLog.flush();
}
