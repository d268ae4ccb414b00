import { describe, expect, it } from 'vitest';
import { evaluateGates, failingGates, unmetAdvisoryGates, type GateContext } from './gates';
import { DEFAULT_POLICY, parsePolicy, ZPolicy } from './policy';

const bare: GateContext = {
  candidate: { metrics: [], metadata: { artifactDigest: null, trainingDataHash: null, codeCommit: null }, modelCard: '' },
  baseline: null,
  directions: {},
  primaryMetric: null,
};

describe('blocking and advisory gates', () => {
  it('marks advisory verdicts, and only blocking failures stop a move', () => {
    const results = evaluateGates(
      [
        { kind: 'required-metadata', fields: ['artifactDigest'], advisory: true },
        { kind: 'required-metadata', fields: ['codeCommit'] },
        { kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.9, advisory: true },
      ],
      bare,
    );
    expect(results.map((r) => [r.passed, r.advisory ?? false])).toEqual([
      [false, true],
      [false, false],
      [false, true],
    ]);
    expect(failingGates(results).map((r) => r.label)).toEqual(['Required metadata: code commit']);
    expect(unmetAdvisoryGates(results).map((r) => r.label)).toEqual(['Required metadata: artifact digest', 'auc >= 0.9']);
  });

  it('reads gates and snapshots without the flag as blocking (stored before it existed)', () => {
    const [result] = evaluateGates([{ kind: 'required-metadata', fields: ['artifactDigest'] }], bare);
    expect(result).not.toHaveProperty('advisory');
    expect(failingGates([{ kind: 'required-metadata', label: 'x', passed: false, detail: 'old snapshot' }])).toHaveLength(1);
  });

  it('refuses advisory approvals: the approval count is the decision itself', () => {
    const parsed = ZPolicy.safeParse({ staging: [], production: [{ kind: 'approvals', count: 1, advisory: true }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Approvals cannot be advisory; require 0 approvals instead.');
    expect(ZPolicy.parse({ staging: [], production: [{ kind: 'approvals', count: 1, advisory: false }] }).production).toHaveLength(1);
  });

  it('makes the default Staging digest gate advisory and keeps every default Production gate blocking', () => {
    expect(DEFAULT_POLICY.staging).toEqual([{ kind: 'required-metadata', fields: ['artifactDigest'], advisory: true }]);
    expect(DEFAULT_POLICY.production.every((g) => !g.advisory)).toBe(true);
    expect(parsePolicy(undefined)).toBe(DEFAULT_POLICY);
    const staged = evaluateGates(DEFAULT_POLICY.staging, bare);
    expect(failingGates(staged)).toEqual([]);
    expect(failingGates(evaluateGates(DEFAULT_POLICY.production, bare)).length).toBeGreaterThan(0);
  });
});
