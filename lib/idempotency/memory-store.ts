import "server-only";
import type { ClaimInput, IdempotencyRecordView, IdempotencyStore, StoredResponse } from "./types";

/** An in-memory IdempotencyStore for unit tests (the same contract as prisma-store.ts). Not used in production. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  rows = new Map<string, IdempotencyRecordView & { identity: string; tenantId: string; key: string }>();

  private find_(identity: string, tenantId: string, key: string) {
    return [...this.rows.values()].find((r) => r.identity === identity && r.tenantId === tenantId && r.key === key);
  }
  async claim(input: ClaimInput) {
    if (this.find_(input.identity, input.tenantId, input.key)) return null;
    const id = `idem-${this.rows.size + 1}-${Math.random()}`;
    this.rows.set(id, { ...input, id, createdAt: new Date(), completedAt: null, response: null });
    return id;
  }
  async find(identity: string, tenantId: string, key: string) {
    return this.find_(identity, tenantId, key) ?? null;
  }
  async complete(id: string, response: StoredResponse) {
    const row = this.rows.get(id);
    if (!row || row.completedAt) return false;
    this.rows.set(id, { ...row, completedAt: new Date(), response });
    return true;
  }
  async release(id: string) {
    if (!this.rows.get(id)?.completedAt) this.rows.delete(id);
  }
  async discard(id: string) {
    this.rows.delete(id);
  }
  async purgeExpired(now: Date) {
    let n = 0;
    for (const [id, row] of this.rows) if (row.expiresAt < now && this.rows.delete(id)) n++;
    return n;
  }
}
