import { describe, expect, it } from 'vitest';
import { allPassed, evaluateGates, regressionBound, type GateContext, type MetricPoint } from './gates';
import { DEFAULT_CARD_SECTIONS, type Gate } from './policy';

const m = (key: string, value: number, slice = '', evaluationSet = 'holdout'): MetricPoint => ({ key, value, slice, evaluationSet });

const COMPLETE_CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\nSome text.\n`).join('\n');

function context(overrides: Partial<GateContext> = {}, candidate: Partial<GateContext['candidate']> = {}): GateContext {
  return {
    candidate: {
      metrics: [m('auc', 0.92), m('latency_p95_ms', 100), m('auc', 0.9, 'region=EU'), m('auc', 0.93, 'region=US')],
      metadata: { artifactDigest: 'sha256:abc', trainingDataHash: 'h', codeCommit: 'c' },
      modelCard: COMPLETE_CARD,
      ...candidate,
    },
    baseline: { number: 3, metrics: [m('auc', 0.91), m('latency_p95_ms', 110), m('auc', 0.91, 'region=EU'), m('auc', 0.9, 'region=US')] },
    directions: { auc: 'higher', latency_p95_ms: 'lower' },
    primaryMetric: 'auc',
    ...overrides,
  };
}

const one = (gate: Gate, ctx: GateContext) => evaluateGates([gate], ctx)[0]!;

describe('metric threshold', () => {
  it('passes and fails by the operator, with the numbers in the detail', () => {
    expect(one({ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.9 }, context())).toMatchObject({ passed: true, detail: expect.stringContaining('0.92') });
    expect(one({ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.95 }, context()).passed).toBe(false);
    expect(one({ kind: 'metric-threshold', metric: 'latency_p95_ms', op: '<=', value: 120 }, context()).passed).toBe(true);
  });

  it('passes on an exactly equal value', () => {
    expect(one({ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.92 }, context()).passed).toBe(true);
    expect(one({ kind: 'metric-threshold', metric: 'latency_p95_ms', op: '<=', value: 100 }, context()).passed).toBe(true);
  });

  it('fails when the metric is missing or NaN', () => {
    expect(one({ kind: 'metric-threshold', metric: 'f1', op: '>=', value: 0.5 }, context())).toMatchObject({ passed: false, detail: 'No f1 value was reported.' });
    expect(one({ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.5 }, context({}, { metrics: [m('auc', Number.NaN)] })).passed).toBe(false);
  });

  it('uses the named evaluation set only', () => {
    const ctx = context({}, { metrics: [m('auc', 0.99, '', 'other'), m('auc', 0.8, '', 'holdout')] });
    expect(one({ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.9, evaluationSet: 'holdout' }, ctx).passed).toBe(false);
    expect(one({ kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.9, evaluationSet: 'other' }, ctx).passed).toBe(true);
  });
});

describe('no regression vs Production', () => {
  const gate: Gate = { kind: 'no-regression', metrics: [], tolerance: 0.05, perSlice: false };

  it('passes with "no baseline" when nothing is in Production', () => {
    expect(one(gate, context({ baseline: null }))).toMatchObject({ passed: true, detail: expect.stringMatching(/no baseline/i) });
  });

  it('uses candidate ≥ 0.95 × baseline for higher-is-better and ≤ 1.05 × for lower-is-better', () => {
    expect(regressionBound(0.9, 'higher', 0.05)).toBeCloseTo(0.855);
    expect(regressionBound(100, 'lower', 0.05)).toBeCloseTo(105);
    const both: Gate = { ...gate, metrics: ['auc', 'latency_p95_ms'] };
    expect(one(both, context({}, { metrics: [m('auc', 0.87), m('latency_p95_ms', 115)] }))).toMatchObject({ passed: true });
    expect(one(both, context({}, { metrics: [m('auc', 0.86), m('latency_p95_ms', 116)] }))).toMatchObject({ passed: false, detail: expect.stringContaining('latency_p95_ms') });
    expect(one(both, context({}, { metrics: [m('auc', 0.85), m('latency_p95_ms', 100)] })).passed).toBe(false);
  });

  it('passes when the candidate equals the baseline exactly, even with zero tolerance', () => {
    expect(one({ ...gate, tolerance: 0 }, context({}, { metrics: [m('auc', 0.91)] })).passed).toBe(true);
  });

  it('checks every slice when asked, catching a regression hidden by the average', () => {
    const perSlice: Gate = { ...gate, perSlice: true, tolerance: 0.01 };
    const result = one(perSlice, context({}, { metrics: [m('auc', 0.95), m('auc', 0.8, 'region=EU'), m('auc', 0.95, 'region=US')] }));
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('auc [region=EU]');
    expect(result.checks?.map((c) => c.name)).toEqual(['auc', 'auc [region=EU]', 'auc [region=US]']);
  });

  it('fails when a slice of the baseline is missing in the candidate', () => {
    const result = one({ ...gate, perSlice: true }, context({}, { metrics: [m('auc', 0.95), m('auc', 0.95, 'region=US')] }));
    expect(result).toMatchObject({ passed: false, detail: expect.stringContaining('auc [region=EU] is missing') });
  });

  it('says so when the candidate was evaluated on a different evaluation set', () => {
    const result = one(gate, context({}, { metrics: [m('auc', 0.99, '', 'other-set')] }));
    expect(result).toMatchObject({ passed: false, detail: expect.stringContaining('different evaluation set') });
  });

  it('fails on NaN and when the model has no primary metric', () => {
    expect(one(gate, context({}, { metrics: [m('auc', Number.NaN)] })).passed).toBe(false);
    expect(one(gate, context({ primaryMetric: null })).passed).toBe(false);
  });

  it('handles negative baselines by distance, not by sign flips', () => {
    expect(regressionBound(-2, 'higher', 0.05)).toBeCloseTo(-2.1);
    expect(regressionBound(-2, 'lower', 0.05)).toBeCloseTo(-1.9);
  });
});

describe('required metadata', () => {
  it('names each missing field', () => {
    const result = one({ kind: 'required-metadata', fields: ['artifactDigest', 'trainingDataHash', 'codeCommit'] }, context({}, { metadata: { artifactDigest: 'x', trainingDataHash: ' ', codeCommit: null } }));
    expect(result).toMatchObject({ passed: false, detail: 'Missing: training data hash, code commit.' });
  });
});

describe('model card complete', () => {
  const gate: Gate = { kind: 'model-card-complete', sections: DEFAULT_CARD_SECTIONS };

  it('passes a card with every required section filled', () => {
    expect(one(gate, context()).passed).toBe(true);
  });

  it('fails on empty, comment-only or missing sections, case-insensitively matched', () => {
    const card = '# intended use\nScoring.\n## Limitations\n\n## Evaluation data\n<!-- todo -->\n';
    expect(one(gate, context({}, { modelCard: card }))).toMatchObject({ passed: false, detail: 'Empty or missing sections: Limitations, Evaluation data, Ethical considerations.' });
  });

});

describe('evaluateGates', () => {
  it('returns every gate but approvals, and allPassed reflects them', () => {
    const results = evaluateGates(
      [
        { kind: 'approvals', count: 2 },
        { kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.5 },
        { kind: 'required-metadata', fields: ['codeCommit'] },
      ],
      context(),
    );
    expect(results.map((r) => r.kind)).toEqual(['metric-threshold', 'required-metadata']);
    expect(allPassed(results)).toBe(true);
  });
});
