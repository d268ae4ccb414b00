import { describe, expect, it } from 'vitest';
import { bucketOf, routeKey, validateSplit } from './traffic';

const SPLIT = [
  { number: 5, weight: 90 },
  { number: 9, weight: 10 },
];

describe('validateSplit', () => {
  it('accepts whole weights that sum to 100', () => {
    expect(() => validateSplit(SPLIT)).not.toThrow();
    expect(() => validateSplit([{ number: 1, weight: 100 }])).not.toThrow();
  });

  it.each([
    [[{ number: 1, weight: 60 }, { number: 2, weight: 30 }], /sum to 100; these sum to 90/],
    [[{ number: 1, weight: 50.5 }, { number: 2, weight: 49.5 }], /whole number/],
    [[{ number: 1, weight: 0 }, { number: 2, weight: 100 }], /whole number/],
    [[{ number: 1, weight: 50 }, { number: 1, weight: 50 }], /appears twice/],
    [[], /at least one route/],
  ])('refuses %j', (routes, message) => {
    expect(() => validateSplit(routes)).toThrow(message);
  });
});

describe('routeKey', () => {
  it('is deterministic: the same key always gets the same version for the same split', () => {
    for (let i = 0; i < 1000; i++) {
      const key = `user-${i}`;
      expect(routeKey('fraud', key, SPLIT)).toBe(routeKey('fraud', key, SPLIT));
    }
    expect(bucketOf('fraud', 'user-42')).toBe(bucketOf('fraud', 'user-42'));
  });

  it('distributes 100,000 keys within ±2% of the weights', () => {
    for (const split of [SPLIT, [{ number: 1, weight: 50 }, { number: 2, weight: 30 }, { number: 3, weight: 20 }]]) {
      const counts = new Map<number, number>();
      for (let i = 0; i < 100_000; i++) {
        const n = routeKey('fraud-detector', `customer-${i}`, split);
        counts.set(n, (counts.get(n) ?? 0) + 1);
      }
      for (const r of split) expect(Math.abs((counts.get(r.number) ?? 0) / 1000 - r.weight)).toBeLessThan(2);
    }
  });

  it('moves only the keys it must when a candidate gains weight', () => {
    const wider = [{ number: 5, weight: 80 }, { number: 9, weight: 20 }];
    for (let i = 0; i < 5000; i++) {
      const key = `k${i}`;
      if (routeKey('m', key, SPLIT) === 9) expect(routeKey('m', key, wider)).toBe(9);
    }
  });
});
