import { processSingleton } from "@/lib/api/ttl-cache";
import { openedDatabase } from "@/lib/db/client";
import { RequestLogBuffer, type RequestLogWriter } from "./buffer";
import { pgliteRequestLogWriter } from "./pglite-writer";
import { prismaRequestLogWriter } from "./prisma-writer";

/** COPY on the embedded database (its SQL runs on this thread), one INSERT on PostgreSQL. */
async function writerFor(): Promise<RequestLogWriter> {
  const opened = await openedDatabase();
  const shared = prismaRequestLogWriter(opened.db);
  return opened.embedded ? pgliteRequestLogWriter(opened.embedded, shared) : shared;
}

/** The process's request log buffer (shared by every route bundle). */
export const requestLog: RequestLogBuffer = processSingleton("request-log", () => {
  const buffer = new RequestLogBuffer(writerFor);
  // Best effort on a clean exit; at most one flush interval (~1 s) is lost on a hard kill.
  process.once("beforeExit", () => void buffer.flush());
  return buffer;
});

/** For shutdown hooks and tests: write whatever is buffered now. */
export function flushRequestLog(): Promise<void> {
  return requestLog.flush();
}
