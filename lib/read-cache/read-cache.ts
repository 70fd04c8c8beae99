import "server-only";
import { LRUCache } from "lru-cache";

/** Taken before a read; `store` keeps the answer only if the tenant's data did not change meanwhile. */
export type ReadTicket = { readonly tenantId: string; readonly generation: number; readonly epoch: number };

type Page = { body: Uint8Array<ArrayBuffer>; generation: number; epoch: number };

export type ReadCacheOptions = {
  /** Upper bound of the bytes kept (answer bodies). */
  maxBytes: number;
  /** Every answer is dropped after this long even without a change notification (0 = cache off). */
  ttlMs: number;
};

/**
 * Serialized answers of tenant-scoped GET routes, per tenant and request target (path + query), as
 * the encoded bytes sent (so a hit is not encoded again).
 *
 * Correctness rests on invalidation, never on the TTL alone:
 * - a change to a tenant's rows bumps that tenant's generation (from the pipeline, before a write is
 *   answered, and from the database's change notifications for writes made anywhere else);
 * - a read that started before a change cannot store its answer after it (its ticket is outdated);
 * - the cache answers only while it is `live`, i.e. while change notifications are known to arrive.
 *   Losing the notification channel clears it and stops it until the channel is back.
 */
export class ReadCache {
  private readonly pages: LRUCache<string, Page>;
  private readonly generations = new Map<string, number>();
  private epoch = 0;
  private live = false;

  constructor(private readonly options: ReadCacheOptions) {
    this.pages = new LRUCache<string, Page>({
      maxSize: Math.max(1, options.maxBytes),
      sizeCalculation: (page) => Math.max(1, page.body.byteLength),
      ttl: Math.max(1, options.ttlMs),
    });
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0 && this.live;
  }

  /** Called by the change listener: true once notifications arrive, false when they may be lost. */
  setLive(live: boolean): void {
    if (live !== this.live) this.clear();
    this.live = live;
  }

  lookup(tenantId: string, target: string): Uint8Array<ArrayBuffer> | undefined {
    if (!this.enabled) return undefined;
    const id = pageId(tenantId, target);
    const page = this.pages.get(id);
    if (!page) return undefined;
    if (page.epoch !== this.epoch || page.generation !== this.generationOf(tenantId)) {
      this.pages.delete(id);
      return undefined;
    }
    return page.body;
  }

  ticket(tenantId: string): ReadTicket {
    return { tenantId, generation: this.generationOf(tenantId), epoch: this.epoch };
  }

  store(ticket: ReadTicket, target: string, body: Uint8Array<ArrayBuffer>): void {
    if (!this.enabled || body.byteLength > this.options.maxBytes) return;
    if (ticket.epoch !== this.epoch || ticket.generation !== this.generationOf(ticket.tenantId)) return;
    this.pages.set(pageId(ticket.tenantId, target), { body, generation: ticket.generation, epoch: ticket.epoch });
  }

  /** The tenant's data changed: none of its stored answers may be served again. */
  invalidateTenant(tenantId: string): void {
    this.generations.set(tenantId, this.generationOf(tenantId) + 1);
  }

  /** Everything may have changed (notifications lost, table truncated). */
  clear(): void {
    this.epoch++;
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }

  private generationOf(tenantId: string): number {
    return this.generations.get(tenantId) ?? 0;
  }
}

function pageId(tenantId: string, target: string): string {
  return `${tenantId} ${target}`;
}
