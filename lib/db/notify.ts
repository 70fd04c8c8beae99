import "server-only";
import { processSingleton } from "@/lib/cache/ttl-cache";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Access changes that caches (verified keys, partnerships) must drop at once are announced twice:
 * to this process's listeners after the commit (`changeEmitter`), and on a PostgreSQL channel inside
 * the committing transaction (`notifyChannel`, delivered on commit) for other processes that LISTEN
 * on a shared PostgreSQL (lib/api/change-listener.ts).
 */

/** Queue a NOTIFY in the current transaction; PostgreSQL delivers it only if the transaction commits. */
export async function notifyChannel(tx: Prisma.TransactionClient, channel: string, payload: object): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${channel}, ${JSON.stringify(payload)})`;
}

type Listener<E> = (event: E) => void;

export type ChangeEmitter<E> = {
  /** Subscribe; returns an unsubscribe function. */
  on(listener: Listener<E>): () => void;
  emit(event: E): void;
};

/** One emitter per name per process (kept on globalThis, so every bundle/chunk of the Next server shares it). */
export function changeEmitter<E>(name: string): ChangeEmitter<E> {
  return processSingleton(`events:${name}`, () => {
    const listeners = new Set<Listener<E>>();
    return {
      on(listener: Listener<E>) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      emit(event: E) {
        for (const listener of listeners) {
          try {
            listener(event);
          } catch (error) {
            // A failing listener must not undo a committed change or starve the other listeners.
            console.error("access-change listener failed:", error);
          }
        }
      },
    };
  });
}
