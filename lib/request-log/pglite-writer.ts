import type { PGlite } from "@electric-sql/pglite";
import type { RequestLogEntry, RequestLogWriter } from "./buffer";

const COLUMNS = `"apiKeyId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "createdAt"`;

/** A CSV field: NULL is an empty unquoted field; any other value is quoted (quotes doubled). */
function field(value: string | number | null): string {
  return value === null ? "" : `"${String(value).replaceAll('"', '""')}"`;
}

function toCsv(entries: RequestLogEntry[]): string {
  return entries
    .map((e) => [e.apiKeyId, e.companyId, e.vendorId, e.method, e.path, e.status, e.durationMs, e.requestId, e.createdAt.toISOString()].map(field).join(","))
    .join("\n");
}

/**
 * The embedded database executes SQL on the thread that serves the API (WebAssembly), so its
 * request-log inserts are part of every request's cost: COPY of a CSV batch takes about a third less
 * main-thread time per row than `INSERT … SELECT FROM json_to_recordset` (docs/PERFORMANCE.md,
 * scripts/bench/request-log-cost.ts). The lastUsedAt update is the shared statement.
 */
export function pgliteRequestLogWriter(pglite: PGlite, shared: RequestLogWriter): RequestLogWriter {
  return {
    async insert(entries) {
      await pglite.query(`COPY "ApiRequestLog" (${COLUMNS}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([toCsv(entries)]) });
    },
    touchKeys: (lastUsed) => shared.touchKeys(lastUsed),
  };
}
