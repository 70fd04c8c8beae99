import "server-only";
/** A response as stored for replay (24 h). Only the headers a client needs again are kept. */
export type StoredResponse = { status: number; body: string; headers: Record<string, string> };

export type IdempotencyRecordView = {
  id: string;
  fingerprint: string;
  createdAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
  response: StoredResponse | null;
};

export type ClaimInput = { identity: string; tenantId: string; key: string; fingerprint: string; expiresAt: Date };

/** Storage for idempotency records; the unique (identity, tenantId, key) row is the lock. */
export interface IdempotencyStore {
  /** Inserts the row; `null` when the key is already taken (then `find` returns the holder). */
  claim(input: ClaimInput): Promise<string | null>;
  find(identity: string, tenantId: string, key: string): Promise<IdempotencyRecordView | null>;
  /**
   * Stores the answer in the still unfinished row; false when the row is gone or finished (taken
   * over by a retry after looking abandoned): then this execution must not commit its writes.
   */
  complete(id: string, response: StoredResponse): Promise<boolean>;
  /**
   * Deletes the row if it is still unfinished (5xx, abandoned holder). A finished row is kept: a
   * commit that reported an error may still have happened, and its answer must replay.
   */
  release(id: string): Promise<void>;
  /** Deletes that exact row whatever its state (it expired). */
  discard(id: string): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
}
