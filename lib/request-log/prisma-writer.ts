import "server-only";
import type { Db } from "@/lib/db/client";
import type { RequestLogEntry, RequestLogWriter } from "./buffer";

/**
 * Both statements are raw SQL with a single parameter built by the native JSON.stringify: the flush
 * runs on the thread that serves the API, and Prisma's `createMany` (9 bound parameters per row
 * through the query compiler) or one array parameter per column (node-postgres builds array literals
 * in JavaScript) cost several times more Node CPU per logged request (docs/PERFORMANCE.md,
 * scripts/bench/request-log-cost.ts).
 */
export function prismaRequestLogWriter(db: Db): RequestLogWriter {
  return {
    async insert(entries: RequestLogEntry[]) {
      await db.$executeRaw`
        INSERT INTO "ApiRequestLog" ("apiKeyId", "consoleUserId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "errorCode", "scope", "createdAt")
        SELECT "apiKeyId", "consoleUserId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "errorCode", "scope", "createdAt"
        FROM json_to_recordset(${JSON.stringify(entries)}::json) AS entry(
          "apiKeyId" text, "consoleUserId" text, "companyId" text, "vendorId" text, "method" text, "path" text,
          "status" int, "durationMs" int, "requestId" text, "errorCode" text, "scope" text, "createdAt" timestamptz
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
