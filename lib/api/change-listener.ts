import "server-only";
import { databaseTarget } from "@/lib/db/config";
import { openedDatabase } from "@/lib/db/client";
import { invalidateKey, keyCache } from "@/lib/keys/cache";
import { KEY_REVOKED_CHANNEL } from "@/lib/keys/events";
import { PARTNERSHIP_CHANGED_CHANNEL } from "@/lib/tenancy/events";
import { HAULING_CHANGED_CHANNEL, readCache } from "@/lib/read-cache";
import { partnershipCache } from "@/lib/api/steps/resolve-tenant";
import { processSingleton } from "@/lib/cache/ttl-cache";

/**
 * Keeps this process's caches true to the database, from its change notifications:
 * - revocations and partnership changes are NOTIFYed inside the committing transaction
 *   (lib/keys/events.ts, lib/tenancy/events.ts) and drop the key or partnership;
 * - every write to a hauling table NOTIFYs its tenant from a trigger and drops that tenant's cached
 *   GET answers (lib/read-cache).
 * On a shared PostgreSQL this process LISTENs on a dedicated connection; while it is down, or after it
 * reconnects (notifications may have been missed), the caches are cleared and the read cache is off.
 * The embedded database belongs to this process (the CLI goes through the app): key and partnership
 * changes arrive as in-process events, and the hauling notifications on its one session.
 */
type ListenerState = { started: boolean };

const CHANNELS = [KEY_REVOKED_CHANNEL, PARTNERSHIP_CHANGED_CHANNEL, HAULING_CHANGED_CHANNEL] as const;

function field(payload: unknown, name: string): string | undefined {
  const value = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

function parseJson(raw: string | undefined): unknown {
  try {
    return JSON.parse(raw ?? "");
  } catch {
    return null;
  }
}

export function applyNotification(channel: string, raw: string | undefined): void {
  if (channel === HAULING_CHANGED_CHANNEL) {
    // The payload is the tenant id; an empty one (TRUNCATE) means any tenant.
    if (raw) readCache.invalidateTenant(raw);
    else readCache.clear();
  } else if (channel === KEY_REVOKED_CHANNEL) {
    const payload = parseJson(raw);
    const id = field(payload, "id");
    const hash = field(payload, "hash");
    if (id || hash) invalidateKey(keyCache, { id, hash });
    else keyCache.clear();
  } else if (channel === PARTNERSHIP_CHANGED_CHANNEL) {
    const payload = parseJson(raw);
    const vendorId = field(payload, "vendorId");
    const companyId = field(payload, "companyId");
    if (vendorId && companyId) partnershipCache.delete(`${vendorId}:${companyId}`);
    else partnershipCache.clear();
  }
}

/** Notifications may have been missed: forget everything, and serve no cached answer until `live`. */
function forgetAll(live: boolean): void {
  keyCache.clear();
  partnershipCache.clear();
  readCache.clear();
  readCache.setLive(live);
}

async function listenPostgres(url: string, failures: number): Promise<void> {
  const { default: pg } = await import("pg");
  let attempt = failures;
  const client = new pg.Client({ connectionString: url });
  let retried = false;
  const retry = () => {
    if (retried) return;
    retried = true;
    forgetAll(false);
    client.end().catch(() => undefined);
    const delay = Math.min(30_000, 500 * 2 ** attempt);
    setTimeout(() => void listenPostgres(url, attempt + 1).catch(() => undefined), delay).unref();
  };
  client.on("error", retry);
  client.on("end", retry);
  client.on("notification", (message) => applyNotification(message.channel, message.payload));
  try {
    await client.connect();
    for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    forgetAll(true); // anything cached before the LISTEN began may have missed a notification
    attempt = 0;
  } catch {
    retry();
  }
}

async function listenEmbedded(state: ListenerState): Promise<void> {
  try {
    const opened = await openedDatabase();
    if (!opened.notifications) return;
    await opened.notifications.listen(HAULING_CHANGED_CHANNEL, (payload) => applyNotification(HAULING_CHANGED_CHANNEL, payload));
    forgetAll(true);
  } catch {
    state.started = false; // the database did not open: the next request tries again
  }
}

/** Starts listening once per process. */
export function ensureChangeListener(): void {
  const state = processSingleton<ListenerState>("change-listener", () => ({ started: false }));
  if (state.started) return;
  state.started = true;
  const target = databaseTarget();
  if (target.kind === "postgres") void listenPostgres(target.url, 0).catch(() => undefined);
  else void listenEmbedded(state);
}
