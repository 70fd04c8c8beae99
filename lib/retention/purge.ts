import "server-only";
import type { Db } from "@/lib/db/client";
import type { Retention } from "./config";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type PurgeResult = { requestLog: number; usageHourly: number; usageDaily: number; audit: number; requestLogBefore: string; auditBefore: string };
export type PurgeOptions = { batchSize?: number; now?: Date; pauseMs?: number };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Repeats a bounded DELETE until it removes nothing; a pause between batches lets requests through. */
async function inBatches(deleteBatch: () => Promise<number>, pauseMs: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted === 0) return total;
    if (pauseMs > 0) await pause(pauseMs);
  }
}

/**
 * Deletes what is older than the retention, in short batches (each its own statement, a few
 * thousand rows), so neither a long lock nor a long transaction holds up the request log's writer
 * or the embedded database's single session. The request-log cutoff is on an hour boundary, so the
 * log and its hourly roll-up lose exactly the same requests. Audit rows go through the append-only
 * trigger's one exception: `klau.audit_purge_before`, set for the batch's own transaction.
 */
export async function purgeExpired(db: Db, retention: Retention, options: PurgeOptions = {}): Promise<PurgeResult> {
  const now = options.now ?? new Date();
  const batch = options.batchSize ?? 5_000;
  const pauseMs = options.pauseMs ?? 20;
  const logBefore = new Date(Math.floor((now.getTime() - retention.requestLogDays * DAY_MS) / HOUR_MS) * HOUR_MS);
  const auditBefore = new Date(now.getTime() - retention.auditDays * DAY_MS);

  // Oldest ids first: the log is appended in time order, so the scan stops at the first batch's end.
  const requestLog = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "ApiRequestLog" WHERE id IN (
        SELECT id FROM "ApiRequestLog" WHERE "createdAt" < ${logBefore} ORDER BY id LIMIT ${batch})`,
    pauseMs,
  );
  const usageHourly = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "ApiUsageHourly" WHERE ctid IN (
        SELECT ctid FROM "ApiUsageHourly" WHERE "hour" < ${logBefore} LIMIT ${batch})`,
    pauseMs,
  );
  // A day goes once all of it is past the cutoff: the daily roll-up keeps up to one day more.
  const dayBefore = new Date(Math.floor(logBefore.getTime() / DAY_MS) * DAY_MS);
  const usageDaily = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "ApiUsageDaily" WHERE ctid IN (
        SELECT ctid FROM "ApiUsageDaily" WHERE "day" < ${dayBefore} LIMIT ${batch})`,
    pauseMs,
  );
  const audit = await inBatches(
    () =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('klau.audit_purge_before', ${auditBefore.toISOString()}, true)`;
        return tx.$executeRaw`
          DELETE FROM "AuditEvent" WHERE id IN (
            SELECT id FROM "AuditEvent" WHERE "createdAt" < ${auditBefore} ORDER BY "createdAt" LIMIT ${batch})`;
      }),
    pauseMs,
  );
  return { requestLog, usageHourly, usageDaily, audit, requestLogBefore: logBefore.toISOString(), auditBefore: auditBefore.toISOString() };
}
