import { databaseTarget } from "@/lib/db/config";
import { invalidateKey, keyCache } from "@/lib/keys/cache";
import { KEY_REVOKED_CHANNEL, PARTNERSHIP_CHANGED_CHANNEL } from "@/lib/keys/events";
import { partnershipCache } from "@/lib/tenancy/resolve";
import { processSingleton } from "./ttl-cache";

/**
 * Cross-process cache invalidation on a shared PostgreSQL: revocations and partnership changes are
 * NOTIFYed inside the committing transaction (lib/keys/events.ts); this process LISTENs on a
 * dedicated connection and drops the matching cache entries. While the connection is down, or after
 * it reconnects (notifications may have been missed), the caches are cleared. The embedded
 * database has one process only (the CLI goes through the app), where in-process events suffice.
 */
type ListenerState = { started: boolean };

function field(payload: unknown, name: string): string | undefined {
  const value = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

export function applyNotification(channel: string, raw: string | undefined): void {
  let payload: unknown;
  try {
    payload = JSON.parse(raw ?? "");
  } catch {
    payload = null;
  }
  if (channel === KEY_REVOKED_CHANNEL) {
    const id = field(payload, "id");
    const hash = field(payload, "hash");
    if (id || hash) invalidateKey(keyCache, { id, hash });
    else keyCache.clear();
  } else if (channel === PARTNERSHIP_CHANGED_CHANNEL) {
    const vendorId = field(payload, "vendorId");
    const companyId = field(payload, "companyId");
    if (vendorId && companyId) partnershipCache.delete(`${vendorId}:${companyId}`);
    else partnershipCache.clear();
  }
}

function clearAll(): void {
  keyCache.clear();
  partnershipCache.clear();
}

async function listen(url: string, failures: number): Promise<void> {
  const { default: pg } = await import("pg");
  let attempt = failures;
  const client = new pg.Client({ connectionString: url });
  let retried = false;
  const retry = () => {
    if (retried) return;
    retried = true;
    clearAll();
    client.end().catch(() => undefined);
    const delay = Math.min(30_000, 500 * 2 ** attempt);
    setTimeout(() => void listen(url, attempt + 1).catch(() => undefined), delay).unref();
  };
  client.on("error", retry);
  client.on("end", retry);
  client.on("notification", (message) => applyNotification(message.channel, message.payload));
  try {
    await client.connect();
    await client.query(`LISTEN ${KEY_REVOKED_CHANNEL}`);
    await client.query(`LISTEN ${PARTNERSHIP_CHANGED_CHANNEL}`);
    clearAll(); // anything cached before the LISTEN began may have missed a notification
    attempt = 0;
  } catch {
    retry();
  }
}

/** Starts the LISTEN connection once per process (no-op on the embedded database). */
export function ensureAccessListener(): void {
  const state = processSingleton<ListenerState>("access-listener", () => ({ started: false }));
  if (state.started) return;
  state.started = true;
  const target = databaseTarget();
  if (target.kind !== "postgres") return;
  void listen(target.url, 0).catch(() => undefined);
}
