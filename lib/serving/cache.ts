/**
 * An in-process cache that is only trusted while the change feed vouches for it (see ./change-feed.ts):
 * entries are dropped when a change notification names their model, everything is dropped when the feed
 * reconnects, and a read that was under way while anything was dropped is not stored (its answer may
 * predate the change). Pure: the clock and the feed's liveness come from outside, so the rules are
 * unit-tested without a database.
 */
export interface CacheEntry<V> {
  value: V;
  /** The model the answer belongs to, so a notification about it drops the entry. */
  modelId: string;
  /** The model's current name, so a write through this instance drops entries asked by any of its names. */
  modelName: string;
  storedAt: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Lookups answered by the database because the feed could not vouch for the cache. */
  bypassed: number;
}

export class ServingCache<V> {
  private entries = new Map<string, CacheEntry<V>>();
  /** Loads under way, so a burst of misses on one key reads the database once (single flight). */
  private loading = new Map<string, { epoch: number; promise: Promise<V> }>();
  private epoch = 0;
  readonly stats: CacheStats = { hits: 0, misses: 0, bypassed: 0 };

  constructor(
    private readonly options: {
      /** True while every change committed so far is known to have been seen. */
      live: () => boolean;
      now: () => number;
      /** A bound on any entry's age, whatever the feed says. */
      maxAgeMs: number;
      maxEntries: number;
    },
  ) {}

  /** The entry for `key`, or null (not stored, too old, or the feed cannot vouch for it). */
  get(key: string): V | null {
    if (!this.options.live()) {
      this.stats.bypassed += 1;
      return null;
    }
    const entry = this.entries.get(key);
    if (!entry || this.options.now() - entry.storedAt > this.options.maxAgeMs) {
      this.stats.misses += 1;
      return null;
    }
    this.stats.hits += 1;
    return entry.value;
  }

  /**
   * Reads through: answers from the cache, else runs `load` and stores its answer unless something was
   * invalidated meanwhile (then the answer is returned but not kept).
   */
  async through(key: string, load: () => Promise<{ value: V; modelId: string; modelName: string } | { value: V; modelId: null }>): Promise<V> {
    const cached = this.get(key);
    if (cached !== null) return cached;
    const epoch = this.epoch;
    const pending = this.loading.get(key);
    if (pending && pending.epoch === epoch) return pending.promise;
    const promise = load().then((loaded) => {
      if (loaded.modelId !== null && epoch === this.epoch && this.options.live()) this.set(key, { value: loaded.value, modelId: loaded.modelId, modelName: loaded.modelName, storedAt: this.options.now() });
      return loaded.value;
    });
    this.loading.set(key, { epoch, promise });
    const forget = () => {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }

  private set(key: string, entry: CacheEntry<V>): void {
    if (this.entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
  }

  /** A model changed: its entries go, and reads under way are not stored. */
  invalidateModel(modelId: string): void {
    this.epoch += 1;
    for (const [key, entry] of this.entries) if (entry.modelId === modelId) this.entries.delete(key);
  }

  /** A write through this instance named this model (current or former name). */
  invalidateName(name: string, keyName: (key: string) => string): void {
    this.epoch += 1;
    for (const [key, entry] of this.entries) if (entry.modelName === name || keyName(key) === name) this.entries.delete(key);
  }

  clear(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
