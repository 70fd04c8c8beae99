import type { Db } from "@/lib/db/client";
import type { RequestLogEntry, RequestLogWriter } from "./buffer";

export function prismaRequestLogWriter(db: Db): RequestLogWriter {
  return {
    async insert(entries: RequestLogEntry[]) {
      await db.apiRequestLog.createMany({ data: entries });
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
