import type { Db } from "@/lib/db/client";
import type { RequestLogEntry, RequestLogWriter } from "./buffer";

export function prismaRequestLogWriter(db: Db): RequestLogWriter {
  return {
    async insert(entries: RequestLogEntry[]) {
      // One statement with one array parameter per column: `createMany` binds 9 parameters per row
      // through the query compiler and cost ~20× more Node CPU per logged request on the same
      // thread that serves the API (docs/PERFORMANCE.md, scripts/bench/request-log-cost.ts).
      const column = <T>(pick: (entry: RequestLogEntry) => T): T[] => entries.map(pick);
      await db.$executeRaw`
        INSERT INTO "ApiRequestLog" ("apiKeyId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "createdAt")
        SELECT * FROM unnest(
          ${column((e) => e.apiKeyId)}::text[], ${column((e) => e.companyId)}::text[], ${column((e) => e.vendorId)}::text[],
          ${column((e) => e.method)}::text[], ${column((e) => e.path)}::text[], ${column((e) => e.status)}::int[],
          ${column((e) => e.durationMs)}::int[], ${column((e) => e.requestId)}::text[],
          ${column((e) => e.createdAt.toISOString())}::timestamptz[]
        )`;
    },
    async touchKeys(lastUsed: Map<string, Date>) {
      const latest = Math.max(...[...lastUsed.values()].map((at) => at.getTime()));
      // One statement for all keys at the batch's latest time: lastUsedAt is a "seen recently" mark,
      // so second-level precision across a one-second batch is enough.
      await db.apiKey.updateMany({
        where: { id: { in: [...lastUsed.keys()] }, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(latest) } }] },
        data: { lastUsedAt: new Date(latest) },
      });
    },
  };
}
