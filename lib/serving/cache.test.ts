import { describe, expect, it } from 'vitest';
import { ServingCache } from './cache';

function setup(options: { live?: boolean } = {}) {
  const state = { live: options.live ?? true, now: 0, loads: 0 };
  const cache = new ServingCache<string>({ live: () => state.live, now: () => state.now, maxAgeMs: 1_000, maxEntries: 3 });
  const load = (value: string, modelId: string | null = 'm1', modelName = 'fraud') => async () => {
    state.loads += 1;
    return modelId === null ? { value, modelId: null } : { value, modelId, modelName };
  };
  return { state, cache, load };
}

/** A load the test finishes by hand, to interleave it with invalidations. */
function deferred() {
  let finish!: (value: string) => void;
  const promise = new Promise<string>((resolve) => (finish = resolve));
  return { finish, load: async () => ({ value: await promise, modelId: 'm1', modelName: 'fraud' }) };
}

describe('serving cache', () => {
  it('answers from memory after the first load, and counts hits and misses', async () => {
    const { cache, load, state } = setup();
    expect(await cache.through('fraud\u0000stage:production', load('v1'))).toBe('v1');
    expect(await cache.through('fraud\u0000stage:production', load('v2'))).toBe('v1');
    expect(state.loads).toBe(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 1, bypassed: 0 });
  });

  it('drops the entries of a model named by a notification, and only those', async () => {
    const { cache, load } = setup();
    await cache.through('fraud\u0000stage:production', load('fraud v1', 'm1'));
    await cache.through('churn\u0000stage:production', load('churn v1', 'm2', 'churn'));
    cache.invalidateModel('m1');
    expect(await cache.through('fraud\u0000stage:production', load('fraud v2', 'm1'))).toBe('fraud v2');
    expect(await cache.through('churn\u0000stage:production', load('churn v2', 'm2', 'churn'))).toBe('churn v1');
  });

  it('never keeps an answer read while an invalidation happened (it may predate the change)', async () => {
    const { cache, load } = setup();
    const slow = deferred();
    const reading = cache.through('fraud\u0000stage:production', slow.load);
    cache.invalidateModel('m1'); // The change commits and is announced while the read is under way.
    slow.finish('before the change');
    expect(await reading).toBe('before the change');
    expect(await cache.through('fraud\u0000stage:production', load('after the change'))).toBe('after the change');
  });

  it('is bypassed entirely while the feed cannot vouch for it, and keeps nothing read meanwhile', async () => {
    const { cache, load, state } = setup();
    await cache.through('k\u0000x', load('old'));
    state.live = false;
    expect(await cache.through('k\u0000x', load('fresh'))).toBe('fresh');
    expect(cache.stats.bypassed).toBe(1);
    // Back: the feed empties every cache on reconnect (clear), so nothing from before is served.
    cache.clear();
    state.live = true;
    expect(await cache.through('k\u0000x', load('after reconnect'))).toBe('after reconnect');
  });

  it('keeps no answer that belongs to no model (a model that does not exist may be created any moment)', async () => {
    const { cache, load, state } = setup();
    await cache.through('ghost\u0000x', load('missing', null));
    await cache.through('ghost\u0000x', load('missing', null));
    expect(state.loads).toBe(2);
  });

  it('drops entries older than the age bound, whatever the feed says', async () => {
    const { cache, load, state } = setup();
    await cache.through('k\u0000x', load('v1'));
    state.now = 1_001;
    expect(await cache.through('k\u0000x', load('v2'))).toBe('v2');
  });

  it('reads the database once for a burst of misses on one key', async () => {
    const { cache } = setup();
    const slow = deferred();
    let calls = 0;
    const counted = async () => {
      calls += 1;
      return slow.load();
    };
    const burst = Promise.all([cache.through('k\u0000x', counted), cache.through('k\u0000x', counted), cache.through('k\u0000x', counted)]);
    slow.finish('v1');
    expect(await burst).toEqual(['v1', 'v1', 'v1']);
    expect(calls).toBe(1);
  });

  it('does not join a load that started before an invalidation', async () => {
    const { cache, load } = setup();
    const slow = deferred();
    const first = cache.through('k\u0000x', slow.load);
    cache.invalidateModel('m1');
    const second = cache.through('k\u0000x', load('after'));
    slow.finish('before');
    expect(await first).toBe('before');
    expect(await second).toBe('after');
  });

  it('drops by name after a write through this instance: asked by that name, or answering for it', async () => {
    const { cache, load } = setup();
    await cache.through('old-name\u0000stage:production', load('via redirect', 'm1', 'fraud'));
    await cache.through('churn\u0000stage:production', load('churn', 'm2', 'churn'));
    cache.invalidateName('fraud', (key) => key.slice(0, key.indexOf('\u0000')));
    expect(cache.size).toBe(1);
    cache.invalidateName('churn', (key) => key.slice(0, key.indexOf('\u0000')));
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const { cache, load } = setup();
    for (const k of ['a', 'b', 'c', 'd']) await cache.through(`${k}\u0000x`, load(k, `id-${k}`, k));
    expect(cache.size).toBe(3);
    expect(await cache.through('a\u0000x', load('a again', 'id-a', 'a'))).toBe('a again');
  });
});
