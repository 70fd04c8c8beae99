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
  complete(id: string, response: StoredResponse): Promise<void>;
  /** Deletes the row (5xx, or a stale/expired holder); only that exact row. */
  release(id: string): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
}
