import "server-only";
/**
 * A small bounded TTL cache (Map insertion order = age, so eviction drops the oldest entry).
 * Used for verified keys and partnerships so the hot path costs no database round trip.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  /**
   * Bumped by every invalidation. A reader that loaded a value from the database passes the
   * generation it saw before loading to `set`, so a load that raced an invalidation is not cached.
   */
  generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, now = Date.now(), loadedAtGeneration = this.generation): void {
    if (this.ttlMs <= 0 || loadedAtGeneration !== this.generation) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
  }

  delete(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches (e.g. all cache entries of one key id). */
  deleteWhere(match: (value: V, key: string) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (match(entry.value, key)) this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A process-wide singleton: Next may load a module once per bundle, but caches must be shared. */
export function processSingleton<T>(name: string, create: () => T): T {
  const store = globalThis as typeof globalThis & { __klauSingletons?: Map<string, unknown> };
  store.__klauSingletons ??= new Map();
  if (!store.__klauSingletons.has(name)) store.__klauSingletons.set(name, create());
  return store.__klauSingletons.get(name) as T;
}
