import { createHash } from 'node:crypto';
import { RegistryError } from './errors';

export interface TrafficRoute {
  number: number;
  /** Percent of traffic, a whole number; the routes of a split sum to 100. */
  weight: number;
}

/** Checks a split: whole-number weights, 0 < w ≤ 100, no version twice, and a total of exactly 100. */
export function validateSplit(routes: readonly TrafficRoute[]): void {
  if (routes.length === 0) throw new RegistryError('INVALID_ARGUMENT', 'A traffic split needs at least one route.');
  const seen = new Set<number>();
  for (const r of routes) {
    if (!Number.isInteger(r.weight) || r.weight <= 0 || r.weight > 100) {
      throw new RegistryError('INVALID_ARGUMENT', `The weight of v${r.number} must be a whole number from 1 to 100 (got ${r.weight}).`);
    }
    if (seen.has(r.number)) throw new RegistryError('INVALID_ARGUMENT', `v${r.number} appears twice in the split.`);
    seen.add(r.number);
  }
  const total = routes.reduce((sum, r) => sum + r.weight, 0);
  if (total !== 100) throw new RegistryError('INVALID_ARGUMENT', `Weights must sum to 100; these sum to ${total}.`, { total });
}

const BUCKETS = 10_000;

/**
 * Where a key falls, 0 ≤ b < 10,000: the first 32 bits of sha256(model ":" key). A stable hash, not a
 * seeded random — the same key lands in the same bucket on every instance and after every restart.
 */
export function bucketOf(model: string, key: string): number {
  return createHash('sha256').update(`${model}:${key}`).digest().readUInt32BE(0) % BUCKETS;
}

/** The version a key is routed to: buckets are handed out to routes in order, in proportion to weight. */
export function routeKey(model: string, key: string, routes: readonly TrafficRoute[]): number {
  const bucket = bucketOf(model, key);
  let upper = 0;
  for (const r of routes) {
    upper += (r.weight * BUCKETS) / 100;
    if (bucket < upper) return r.number;
  }
  return routes[routes.length - 1]!.number;
}
