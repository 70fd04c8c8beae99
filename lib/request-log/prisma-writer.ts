import "server-only";
import type { Db } from "@/lib/db/client";
import type { RequestLogEntry, RequestLogWriter } from "./buffer";

/** The entry as one row of the JSON parameter (an object literal: cheaper than a rest spread per entry). */
function withEpochTime(e: RequestLogEntry) {
  return {
    apiKeyId: e.apiKeyId,
    consoleUserId: e.consoleUserId,
    companyId: e.companyId,
    vendorId: e.vendorId,
    method: e.method,
    path: e.path,
    status: e.status,
    durationMs: e.durationMs,
    requestId: e.requestId,
    errorCode: e.errorCode,
    scope: e.scope,
    createdAtMs: e.createdAt.getTime(),
  };
}

/**
 * Both statements are raw SQL with a single parameter built by the native JSON.stringify: the flush
 * runs on the thread that serves the API, and Prisma's `createMany` (9 bound parameters per row
 * through the query compiler) or one array parameter per column (node-postgres builds array literals
 * in JavaScript) cost several times more Node CPU per logged request (docs/PERFORMANCE.md,
 * scripts/bench/request-log-cost.ts). `createdAt` travels as epoch milliseconds: a Date in the JSON
 * costs a toISOString per entry, more than the rest of the entry's JSON together (2.8 of 4.4 µs).
 */
export function prismaRequestLogWriter(db: Db): RequestLogWriter {
  return {
    async insert(entries: RequestLogEntry[]) {
      await db.$executeRaw`
        INSERT INTO "ApiRequestLog" ("apiKeyId", "consoleUserId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "errorCode", "scope", "createdAt")
        SELECT "apiKeyId", "consoleUserId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "errorCode", "scope",
          timestamptz 'epoch' + "createdAtMs" * interval '1 millisecond'
        FROM json_to_recordset(${JSON.stringify(entries.map(withEpochTime))}::json) AS entry(
          "apiKeyId" text, "consoleUserId" text, "companyId" text, "vendorId" text, "method" text, "path" text,
          "status" int, "durationMs" int, "requestId" text, "errorCode" text, "scope" text, "createdAtMs" bigint
        )`;
    },
    async touchKeys(lastUsed: Map<string, Date>) {
      // One statement for all keys at the batch's latest time: lastUsedAt is a "seen recently" mark,
      // so second-level precision across a one-second batch is enough.
      const latest = new Date(Math.max(...[...lastUsed.values()].map((at) => at.getTime())));
      await db.$executeRaw`
        UPDATE "ApiKey" SET "lastUsedAt" = ${latest}
        WHERE id IN (SELECT json_array_elements_text(${JSON.stringify([...lastUsed.keys()])}::json))
          AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${latest})`;
    },
  };
}
