import "server-only";
import type { Db } from "@/lib/db/client";
import { executeStatement } from "@/lib/db/pool-statements";
import { Prisma } from "@/lib/generated/prisma/client";
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

/** Entries serialized per turn of the event loop: about a millisecond of work at a time. */
const ENTRIES_PER_TURN = 500;

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The entries as one JSON array in UTF-8, built a slice at a time with the event loop free in
 * between: a full batch is 5 000 entries, about 1.6 MB, and serializing it in one go held every
 * request behind it for 20 ms or more (stringify, then the string's encoding for the socket),
 * which is what the API's 99th-percentile latency measured under load.
 */
export async function jsonArrayBytes(entries: RequestLogEntry[], perTurn = ENTRIES_PER_TURN): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let start = 0; start < entries.length; start += perTurn) {
    if (start > 0) await yieldToRequests();
    const slice = JSON.stringify(entries.slice(start, start + perTurn).map(withEpochTime));
    // Each slice is an array: drop its brackets, join the slices with commas inside one pair.
    parts.push(Buffer.from(`${start === 0 ? "[" : ","}${slice.slice(1, -1)}`));
  }
  parts.push(Buffer.from(parts.length === 0 ? "[]" : "]"));
  return Buffer.concat(parts);
}

/**
 * Both statements are raw SQL with a single parameter built by the native JSON.stringify: the flush
 * runs on the thread that serves the API, and Prisma's `createMany` (9 bound parameters per row
 * through the query compiler) or one array parameter per column (node-postgres builds array literals
 * in JavaScript) cost several times more Node CPU per logged request (docs/PERFORMANCE.md,
 * scripts/bench/request-log-cost.ts). `createdAt` travels as epoch milliseconds: a Date in the JSON
 * costs a toISOString per entry, more than the rest of the entry's JSON together (2.8 of 4.4 µs).
 * The JSON goes as bytes (bytea, decoded by PostgreSQL) on the adapter's pool (`executeStatement`).
 */
export function requestLogWriter(db: Db): RequestLogWriter {
  return {
    async insert(entries: RequestLogEntry[]) {
      const json = await jsonArrayBytes(entries);
      await executeStatement(
        db,
        Prisma.sql`
        INSERT INTO "ApiRequestLog" ("apiKeyId", "consoleUserId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "errorCode", "scope", "createdAt")
        SELECT "apiKeyId", "consoleUserId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "errorCode", "scope",
          timestamptz 'epoch' + "createdAtMs" * interval '1 millisecond'
        FROM json_to_recordset(convert_from(${json}, 'UTF8')::json) AS entry(
          "apiKeyId" text, "consoleUserId" text, "companyId" text, "vendorId" text, "method" text, "path" text,
          "status" int, "durationMs" int, "requestId" text, "errorCode" text, "scope" text, "createdAtMs" bigint
        )`,
      );
    },
    async touchKeys(lastUsed: Map<string, Date>) {
      // One statement for all keys at the batch's latest time: lastUsedAt is a "seen recently" mark,
      // so second-level precision across a one-second batch is enough.
      const latest = new Date(Math.max(...[...lastUsed.values()].map((at) => at.getTime())));
      await executeStatement(
        db,
        Prisma.sql`
        UPDATE "ApiKey" SET "lastUsedAt" = ${latest}
        WHERE id IN (SELECT json_array_elements_text(${JSON.stringify([...lastUsed.keys()])}::json))
          AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${latest})`,
      );
    },
  };
}
