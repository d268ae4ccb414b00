import { describe, expect, it } from 'vitest';
import { describeSplit, isProtectedAlias, planSplit, protectedAliasesOf, servingRight, servingRoutes, ZCanaryWeight } from './serving';
import { ZPolicy } from './policy';

const shares = [{ number: 9, weight: 10, approvedWeight: 10 }, { number: 7, weight: 0, approvedWeight: 5 }];

describe('protected aliases', () => {
  it('are champion unless the policy lists others, compared without case', () => {
    expect(protectedAliasesOf({})).toEqual(['champion']);
    expect(isProtectedAlias({}, 'Champion')).toBe(true);
    expect(isProtectedAlias({ protectedAliases: ['Prod', 'champion'] }, 'prod')).toBe(true);
    expect(isProtectedAlias({ protectedAliases: [] }, 'champion')).toBe(false);
  });

  it('are validated like alias names in the policy', () => {
    expect(ZPolicy.safeParse({ protectedAliases: ['latest'] }).success).toBe(false);
    expect(ZPolicy.safeParse({ protectedAliases: ['a b'] }).success).toBe(false);
    expect(ZPolicy.parse({ protectedAliases: ['challenger'] }).protectedAliases).toEqual(['challenger']);
    expect(ZPolicy.parse({}).protectedAliases).toBeUndefined();
  });
});

describe('who may serve', () => {
  it('is the Production version, or a canary up to its approved share', () => {
    expect(servingRight({ number: 5, stage: 'production' }, shares)).toEqual({ kind: 'production' });
    expect(servingRight({ number: 9, stage: 'staging' }, shares)).toEqual({ kind: 'canary', approvedWeight: 10 });
    expect(servingRight({ number: 8, stage: 'staging' }, shares)).toEqual({ kind: 'none' });
    expect(servingRight({ number: 3, stage: 'testing' }, [])).toEqual({ kind: 'none' });
  });

  it('gives Production what live canaries leave, paused ones nothing', () => {
    expect(servingRoutes(5, shares)).toEqual([{ number: 5, weight: 90 }, { number: 9, weight: 10 }]);
    expect(servingRoutes(5, [])).toEqual([{ number: 5, weight: 100 }]);
    expect(servingRoutes(null, shares)).toEqual([]);
    expect(describeSplit(servingRoutes(5, shares))).toBe('v5 90%, v9 10%');
    expect(describeSplit([{ number: 5, weight: 100 }])).toBe('all traffic to Production');
  });
});

describe('planSplit', () => {
  it('allows lowering, pausing and ending shares, and says which end', () => {
    expect(planSplit([{ number: 5, weight: 95 }, { number: 9, weight: 5 }], 5, shares)).toEqual({ weights: [{ number: 9, weight: 5 }], ended: [7] });
    expect(planSplit([{ number: 5, weight: 100 }], 5, shares)).toEqual({ weights: [], ended: [9, 7] });
  });

  it.each([
    [[{ number: 5, weight: 80 }, { number: 9, weight: 20 }], 'GATE_FAILED', /approved for 10 %/],
    [[{ number: 5, weight: 99 }, { number: 8, weight: 1 }], 'GATE_FAILED', /v8 has no approved canary share/],
    [[{ number: 9, weight: 100 }], 'INVALID_ARGUMENT', /must include the Production version/],
  ])('refuses %j', (routes, code, message) => {
    expect(() => planSplit(routes, 5, shares)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });

  it('refuses any split without a Production version', () => {
    expect(() => planSplit([{ number: 9, weight: 100 }], null, shares)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });
});

describe('canary weights', () => {
  it.each([1, 10, 50])('accepts %d %%', (w) => expect(ZCanaryWeight.safeParse(w).success).toBe(true));
  it.each([0, 51, 99, 10.5, -1])('refuses %d %%', (w) => expect(ZCanaryWeight.safeParse(w).success).toBe(false));
});
