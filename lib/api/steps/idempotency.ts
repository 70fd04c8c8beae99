import "server-only";
import type { Db } from "@/lib/db/client";
import { type DbClient, TRANSACTION_OPTIONS } from "@/lib/db/transaction";
import { requestFingerprint } from "@/lib/idempotency/fingerprint";
import { IDEMPOTENCY_HEADER, isValidIdempotencyKey, methodUsesIdempotency } from "@/lib/idempotency/key";
import { finishIdempotent, purgeOccasionally, startIdempotent } from "@/lib/idempotency/protocol";
import type { IdempotencyStore, StoredResponse } from "@/lib/idempotency/types";
import { ApiError } from "../errors";

/** The idempotency key of a request, or null when it has none or its method is not idempotent-keyed. */
export function idempotencyKeyOf(method: string, headers: Headers): string | null {
  if (!methodUsesIdempotency(method)) return null;
  const value = headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return null;
  if (!isValidIdempotencyKey(value)) {
    throw new ApiError("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1–255 printable ASCII characters");
  }
  return value;
}

function reused(): ApiError {
  return new ApiError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request (method, path or body); use a new key");
}

function inUse(): ApiError {
  return new ApiError(
    "IDEMPOTENCY_KEY_IN_USE",
    "A request with this Idempotency-Key is still being processed; retry after it completes",
    {},
    { "Retry-After": "1" },
  );
}

export type IdempotencyClaim = { kind: "execute"; recordId: string } | { kind: "replay"; response: StoredResponse };

/** Step 6: claim the key (or replay; 422 for a reused key, 409 while its request runs). */
export async function beginIdempotency(
  store: IdempotencyStore,
  input: { identity: string; tenantId: string; key: string; method: string; pathWithQuery: string; body: string },
): Promise<IdempotencyClaim> {
  purgeOccasionally(store);
  const fingerprint = requestFingerprint(input.method, input.pathWithQuery, input.body);
  const start = await startIdempotent(store, { identity: input.identity, tenantId: input.tenantId, key: input.key, fingerprint });
  if (start.kind === "reused") throw reused();
  if (start.kind === "in-use") throw inUse();
  return start;
}

/** What a claimed request's execution produced: the stored form is what a retry replays. */
export type IdempotentRun<O> = {
  /** Parse + handler on the given client; throws when the handler fails. */
  run(db: DbClient): Promise<O>;
  /** The error answer (the handler's writes are rolled back by then). */
  fail(error: unknown): O;
  stored(outcome: O): StoredResponse;
  /** Test hook (KLAU_TEST_CRASH_AFTER_WRITE): runs after the handler's writes, before the commit. */
  beforeCommit?(): void;
};

/**
 * Steps 7–8 for a request holding its key: the handler's writes and the record's completion
 * commit in ONE transaction, so a committed write always replays, and a crash before the commit
 * leaves neither (the unfinished record is taken over by a later retry; nothing ran twice). When
 * the handler fails, its writes roll back; its 4xx answer is then stored, or the record released
 * for a 5xx (release keeps a finished record: a commit reported as failed may still have happened).
 */
export async function executeIdempotent<O>(db: Db, store: (db: DbClient) => IdempotencyStore, recordId: string, execution: IdempotentRun<O>): Promise<O> {
  try {
    return await db.$transaction(async (tx) => {
      const outcome = await execution.run(tx);
      execution.beforeCommit?.();
      // False when a retry took the record over (it looked abandoned): roll this write back.
      if (!(await store(tx).complete(recordId, execution.stored(outcome)))) throw inUse();
      return outcome;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    const outcome = execution.fail(error);
    await finishIdempotent(store(db), recordId, execution.stored(outcome));
    return outcome;
  }
}

/** A stored response sent again, unchanged, marked as a replay. */
export function replayResponse(stored: StoredResponse, headers: Headers): Response {
  for (const [name, value] of Object.entries(stored.headers)) headers.set(name, value);
  headers.set("x-idempotency-hit", "true");
  headers.set("idempotent-replayed", "true");
  return new Response(stored.status === 204 ? null : stored.body, { status: stored.status, headers });
}
