import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Access changes that a cache of verified keys (or of partnerships) must drop at once.
 *
 * In-process listeners are called after the change is committed. The same change is also sent on a
 * PostgreSQL channel inside the committing transaction (delivered on commit), so other processes on
 * a shared PostgreSQL can `LISTEN` for it.
 */
export type KeyRevokedEvent = { id: string; hash: string };
export type PartnershipChangedEvent = { id: string; vendorId: string; companyId: string; status: string };

export const KEY_REVOKED_CHANNEL = "klau_api_key_revoked";
export const PARTNERSHIP_CHANGED_CHANNEL = "klau_partnership_changed";

type Listener<E> = (event: E) => void;

function emitter<E>() {
  const listeners = new Set<Listener<E>>();
  return {
    on(listener: Listener<E>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: E): void {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          // A failing listener must not undo a committed revocation or starve the other listeners.
          console.error("access-change listener failed:", error);
        }
      }
    },
  };
}

// Kept on globalThis so every bundle/chunk of the Next server shares one registry.
type Registry = {
  keyRevoked: ReturnType<typeof emitter<KeyRevokedEvent>>;
  partnershipChanged: ReturnType<typeof emitter<PartnershipChangedEvent>>;
};
const holder = globalThis as typeof globalThis & { __klauAccessEvents?: Registry };
holder.__klauAccessEvents ??= { keyRevoked: emitter<KeyRevokedEvent>(), partnershipChanged: emitter<PartnershipChangedEvent>() };
const registry: Registry = holder.__klauAccessEvents;

/** Subscribe to key revocations (revoke and roll). Returns an unsubscribe function. */
export const onKeyRevoked = (listener: Listener<KeyRevokedEvent>) => registry.keyRevoked.on(listener);
export const emitKeyRevoked = (event: KeyRevokedEvent) => registry.keyRevoked.emit(event);

/** Subscribe to partnership status/scope changes. Returns an unsubscribe function. */
export const onPartnershipChanged = (listener: Listener<PartnershipChangedEvent>) => registry.partnershipChanged.on(listener);
export const emitPartnershipChanged = (event: PartnershipChangedEvent) => registry.partnershipChanged.emit(event);

/** Queue a NOTIFY in the current transaction; PostgreSQL delivers it only if the transaction commits. */
export async function notifyChannel(tx: Prisma.TransactionClient, channel: string, payload: object): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${channel}, ${JSON.stringify(payload)})`;
}
