import { z } from 'zod';
import { RegistryError } from './errors';
import type { TrafficRoute } from './traffic';

// Who receives traffic. A version is served — through a protected alias, the traffic split, or resolve —
// only when it is the Production version or holds a canary share: a bounded percentage of traffic that
// approvers granted through the same request-and-approval path as Production (the policy's approval count,
// the Production gates against the Production version that serves now). The database enforces the same
// rule (migration 20261201090000_serving_guards, modelgate_check_serving).

/** Aliases protected when a policy names none: the one serving code conventionally loads. */
export const DEFAULT_PROTECTED_ALIASES: readonly string[] = ['champion'];

/** A canary is a minority of traffic: one share, and all shares together, stay at or under half. */
export const MAX_CANARY_WEIGHT = 50;

export const ZAliasName = z
  .string()
  .min(1, 'Registered model alias name cannot be empty.')
  .max(255, 'Alias names are at most 255 characters.')
  .regex(/^[\w-]+$/, 'Alias names may only contain letters, digits, underscores (_) and dashes (-).')
  .refine((a) => a.toLowerCase() !== 'latest', "'latest' alias name (case insensitive) is reserved.")
  .refine((a) => !/^[vV]\d+$/.test(a), 'Alias names of the form v<number> are reserved for versions.');

export const ZCanaryWeight = z
  .number()
  .int('A canary share is a whole percentage.')
  .min(1, 'A canary share is at least 1 %.')
  .max(MAX_CANARY_WEIGHT, `A canary share is at most ${MAX_CANARY_WEIGHT} % (more than that is a promotion: request Production).`);

/** The aliases `policy` protects, lower-cased (aliases are compared without case, as MLflow's are). */
export function protectedAliasesOf(policy: { protectedAliases?: readonly string[] }): string[] {
  return [...new Set((policy.protectedAliases ?? DEFAULT_PROTECTED_ALIASES).map((a) => a.toLowerCase()))];
}

export function isProtectedAlias(policy: { protectedAliases?: readonly string[] }, alias: string): boolean {
  return protectedAliasesOf(policy).includes(alias.toLowerCase());
}

export interface ShareView {
  number: number;
  /** Percent served now. */
  weight: number;
  /** Percent the approvers approved; the weight may move between 0 and this. */
  approvedWeight: number;
}

/** What a version may serve: everything (Production), up to a share (a canary), or nothing. */
export type ServingRight = { kind: 'production' } | { kind: 'canary'; approvedWeight: number } | { kind: 'none' };

export function servingRight(version: { number: number; stage: string }, shares: readonly ShareView[]): ServingRight {
  if (version.stage === 'production') return { kind: 'production' };
  const share = shares.find((s) => s.number === version.number);
  return share ? { kind: 'canary', approvedWeight: share.approvedWeight } : { kind: 'none' };
}

/** The live split: Production takes what the canaries leave; canaries at 0 % are paused, not routed. */
export function servingRoutes(production: number | null, shares: readonly ShareView[]): TrafficRoute[] {
  if (production === null) return [];
  const live = shares.filter((s) => s.weight > 0).sort((a, b) => a.number - b.number);
  const rest = 100 - live.reduce((sum, s) => sum + s.weight, 0);
  return [{ number: production, weight: rest }, ...live.map((s) => ({ number: s.number, weight: s.weight }))];
}

/**
 * Checks a split someone asks for against what was approved, and says what changes: the Production
 * version must be a route, every other route needs a share at least that large, and a share left out
 * of the split ends (a new canary request is needed to bring it back).
 */
export function planSplit(routes: readonly TrafficRoute[], production: number | null, shares: readonly ShareView[]): { weights: TrafficRoute[]; ended: number[] } {
  if (production === null) throw new RegistryError('INVALID_TRANSITION', 'The model has no Production version to split traffic from.');
  if (!routes.some((r) => r.number === production)) throw new RegistryError('INVALID_ARGUMENT', `The split must include the Production version (v${production}).`);
  const weights: TrafficRoute[] = [];
  for (const route of routes) {
    if (route.number === production) continue;
    const share = shares.find((s) => s.number === route.number);
    if (!share) {
      throw new RegistryError('GATE_FAILED', `v${route.number} has no approved canary share, so it receives no traffic. Request one (POST …/versions/${route.number}/canary-requests); approvers decide it in Approvals, as they do for Production.`, { version: route.number });
    }
    if (route.weight > share.approvedWeight) {
      throw new RegistryError('GATE_FAILED', `v${route.number} was approved for ${share.approvedWeight} % of traffic, not ${route.weight} %. Request a larger share to go further.`, { version: route.number, approvedWeight: share.approvedWeight });
    }
    weights.push({ number: route.number, weight: route.weight });
  }
  const ended = shares.filter((s) => !routes.some((r) => r.number === s.number)).map((s) => s.number);
  return { weights, ended };
}

/** "v5 90 %, v9 10 %" — for the audit timeline and webhook payloads. */
export function describeSplit(routes: readonly TrafficRoute[]): string {
  return routes.length <= 1 ? 'all traffic to Production' : routes.map((r) => `v${r.number} ${r.weight}%`).join(', ');
}
