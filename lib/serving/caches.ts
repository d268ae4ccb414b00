import { registerCacheStats } from '@/lib/observability/metrics';
import { ServingCache } from './cache';
import { changeFeed, type FeedEvent } from './change-feed';

// The process's serving caches, each told of every change notification by the one change feed. On
// globalThis, so every route bundle of the server shares them (and dev reloads do not multiply them).
interface Registered {
  cache: ServingCache<unknown>;
  /** What a write through this instance drops: entries of the model it named, or everything. */
  onLocalWrite: (modelName: string | null) => void;
}

const globalForCaches = globalThis as unknown as { modelgateServingCaches?: Map<string, Registered> };
const registry = (globalForCaches.modelgateServingCaches ??= new Map());

const MAX_AGE_MS = Math.max(Number(process.env.MODELGATE_CACHE_MAX_AGE_MS ?? 300_000) || 300_000, 1_000);

export function keyName(key: string): string {
  return key.slice(0, key.indexOf('\u0000'));
}

/**
 * A cache named `name` that reacts to the feed: `model` cleans entries of that model (unless `auth`
 * caches, which only care about `auth`), `all` and `reset` empty it.
 */
export function servingCache<V>(name: string, options: { cares: 'models' | 'auth'; maxEntries: number }): ServingCache<V> {
  const existing = registry.get(name);
  if (existing) return existing.cache as ServingCache<V>;
  const cache = new ServingCache<V>({ live: () => changeFeed.live(), now: () => performance.now(), maxAgeMs: MAX_AGE_MS, maxEntries: options.maxEntries });
  changeFeed.subscribe((event: FeedEvent) => {
    if (event.kind === 'all' || event.kind === 'reset') cache.clear();
    else if (event.kind === 'auth' && options.cares === 'auth') cache.clear();
    else if (event.kind === 'model' && options.cares === 'models') cache.invalidateModel(event.modelId);
  });
  const onLocalWrite = (modelName: string | null) => {
    if (options.cares === 'auth') {
      if (modelName === null) cache.clear();
    } else if (modelName === null) cache.clear();
    else cache.invalidateName(modelName, keyName);
  };
  registry.set(name, { cache: cache as ServingCache<unknown>, onLocalWrite });
  registerCacheStats(name, cache.stats);
  return cache;
}

/**
 * A change made through this instance is seen by its very next answer, without waiting for the
 * notification's round trip (other instances get the notification, within the lease).
 */
export function afterLocalWrite(modelName: string | null): void {
  for (const { onLocalWrite } of registry.values()) onLocalWrite(modelName);
}
