import "server-only";
import { processSingleton } from "@/lib/cache/ttl-cache";
import type { Db } from "@/lib/db/client";
import { config, type Env } from "@/lib/config";
import { purgeExpired } from "./purge";

const MINUTE_MS = 60_000;

/**
 * The app's own purge: a minute after start, then every KLAU_PURGE_INTERVAL_MINUTES (default 60; 0 turns it off).
 * One run at a time; a failure is logged and retried at the next tick. The timer never keeps the
 * process alive.
 */
export function startPurgeTimer(getDb: () => Promise<Db>, env?: Env): void {
  processSingleton("retention-purge-timer", () => {
    const { retention, purgeIntervalMinutes: interval } = config(env);
    if (interval === 0) return null;
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const result = await purgeExpired(await getDb(), retention);
        if (result.requestLog + result.audit > 0) console.log("retention purge:", JSON.stringify(result));
      } catch (error) {
        console.warn("retention purge failed:", error instanceof Error ? error.message : error);
      } finally {
        running = false;
      }
    };
    setTimeout(() => void tick(), MINUTE_MS).unref();
    return setInterval(() => void tick(), interval * MINUTE_MS).unref();
  });
}
