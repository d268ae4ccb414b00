import { describe, expect, it } from 'vitest';
import { buildComparison, improvement, metricGroup, pickBaseline, type CompareMetric, type CompareVersion, type MetricInfo } from './compare';
import type { Stage } from './stages';

const SET = 'holdout';
const m = (key: string, value: number, slice = '', evaluationSet = SET): CompareMetric => ({ key, value, evaluationSet, slice });
const version = (number: number, stage: Stage, metrics: CompareMetric[]): CompareVersion => ({ id: `v${number}`, number, stage, metrics });
const DEFS: MetricInfo[] = [
  { key: 'auc', direction: 'higher', isPrimary: true },
  { key: 'latency_p95_ms', direction: 'lower', isPrimary: false },
];

const row = (comparison: ReturnType<typeof buildComparison>, key: string, slice = '', evaluationSet = SET) => {
  const found = comparison.rows.find((r) => r.key === key && r.slice === slice && r.evaluationSet === evaluationSet);
  if (!found) throw new Error(`no row ${evaluationSet}/${key}/${slice}`);
  return found;
};

describe('pickBaseline', () => {
  it('takes the Production version wherever it is in the selection', () => {
    expect(pickBaseline([version(9, 'staging', []), version(5, 'production', [])])).toEqual({ id: 'v5', number: 5, reason: 'production' });
  });

  it('falls back to the first selected version, and says so, when none is in Production', () => {
    expect(pickBaseline([version(12, 'testing', []), version(9, 'staging', [])])).toEqual({ id: 'v12', number: 12, reason: 'first-selected' });
  });
});

describe('buildComparison', () => {
  it('puts the baseline first, then the others by number', () => {
    const c = buildComparison([version(12, 'testing', []), version(5, 'production', []), version(9, 'staging', [])], DEFS);
    expect(c.versions.map((v) => v.number)).toEqual([5, 9, 12]);
    expect(c.baseline.reason).toBe('production');
  });

  it('colours deltas by the metric direction: higher auc and lower latency are both better', () => {
    const c = buildComparison(
      [version(5, 'production', [m('auc', 0.9), m('latency_p95_ms', 100)]), version(9, 'staging', [m('auc', 0.93), m('latency_p95_ms', 80)])],
      DEFS,
    );
    const [, auc] = row(c, 'auc').cells;
    const [, latency] = row(c, 'latency_p95_ms').cells;
    expect(auc?.delta.better).toBe(true);
    expect(auc?.delta.absolute).toBeCloseTo(0.03);
    expect(latency?.delta).toMatchObject({ absolute: -20, better: true });
    expect(latency?.delta.relative).toBeCloseTo(-0.2);
  });

  it('marks the best value per row for the direction, ties included, and nothing when all are equal', () => {
    const c = buildComparison(
      [
        version(5, 'production', [m('auc', 0.9), m('latency_p95_ms', 100), m('recall', 0.8)]),
        version(9, 'staging', [m('auc', 0.95), m('latency_p95_ms', 80), m('recall', 0.8)]),
        version(10, 'staging', [m('auc', 0.95), m('latency_p95_ms', 120), m('recall', 0.8)]),
      ],
      DEFS,
    );
    expect(row(c, 'auc').cells.map((cell) => cell.best)).toEqual([false, true, true]);
    expect(row(c, 'latency_p95_ms').cells.map((cell) => cell.best)).toEqual([false, true, false]);
    expect(row(c, 'recall').cells.map((cell) => cell.best)).toEqual([false, false, false]);
    expect(row(c, 'recall').cells[1]?.delta).toEqual({ absolute: 0, relative: 0, better: null });
  });

  it('leaves a missing metric empty, never zero, with no delta and no "best"', () => {
    const c = buildComparison([version(5, 'production', [m('auc', 0.9), m('f1', 0.7)]), version(9, 'staging', [m('auc', 0.92)])], DEFS);
    const f1 = row(c, 'f1');
    expect(f1.cells[1]).toEqual({ value: null, delta: { absolute: null, relative: null, better: null }, best: false });
    expect(f1.cells[0]?.best).toBe(false);
  });

  it('has no delta where the baseline lacks the metric', () => {
    const c = buildComparison([version(5, 'production', [m('auc', 0.9)]), version(9, 'staging', [m('auc', 0.92), m('f1', 0.7)])], DEFS);
    expect(row(c, 'f1').cells[1]).toMatchObject({ value: 0.7, delta: { absolute: null, better: null } });
  });

  it('guesses the direction of metrics the model does not define', () => {
    const c = buildComparison([version(5, 'production', [m('rmse', 10)]), version(9, 'staging', [m('rmse', 8)])], []);
    expect(row(c, 'rmse').direction).toBe('lower');
    expect(row(c, 'rmse').cells[1]?.delta.better).toBe(true);
  });

  it('orders rows: quality before operational, primary first, whole set before its slices', () => {
    const c = buildComparison([version(5, 'production', [m('latency_p95_ms', 90), m('recall', 0.8), m('auc', 0.9, 'region=EU'), m('auc', 0.9)])], DEFS);
    expect(c.rows.map((r) => `${r.key}${r.slice ? `/${r.slice}` : ''}:${r.group}`)).toEqual([
      'auc:quality',
      'auc/region=EU:quality',
      'recall:quality',
      'latency_p95_ms:operational',
    ]);
  });
});

describe('evaluation sets', () => {
  it('sees no mismatch when every version was evaluated on the same sets', () => {
    const c = buildComparison([version(5, 'production', [m('auc', 0.9)]), version(9, 'staging', [m('auc', 0.92)])], DEFS);
    expect(c.evaluationSetMismatch).toBe(false);
    expect(c.sharedEvaluationSets).toEqual([SET]);
  });

  it('flags versions evaluated on different sets and never compares across them', () => {
    const c = buildComparison(
      [version(5, 'production', [m('auc', 0.9, '', 'holdout-2026-09')]), version(9, 'staging', [m('auc', 0.97, '', 'holdout-2026-11')])],
      DEFS,
    );
    expect(c.evaluationSetMismatch).toBe(true);
    expect(c.sharedEvaluationSets).toEqual([]);
    expect(c.evaluationSets).toEqual([
      { evaluationSet: 'holdout-2026-09', versionIds: ['v5'] },
      { evaluationSet: 'holdout-2026-11', versionIds: ['v9'] },
    ]);
    // Two rows, each with one value: no delta across sets.
    expect(row(c, 'auc', '', 'holdout-2026-11').cells[1]?.delta.absolute).toBeNull();
    expect(row(c, 'auc', '', 'holdout-2026-09').cells[1]?.value).toBeNull();
  });

  it('flags a partial overlap, and keeps the shared set comparable', () => {
    const c = buildComparison(
      [version(5, 'production', [m('auc', 0.9, '', 'a')]), version(9, 'staging', [m('auc', 0.92, '', 'a'), m('auc', 0.88, '', 'b')])],
      DEFS,
    );
    expect(c.evaluationSetMismatch).toBe(true);
    expect(c.sharedEvaluationSets).toEqual(['a']);
    expect(row(c, 'auc', '', 'a').cells[1]?.delta.better).toBe(true);
  });

  it('lists versions without any metrics apart instead of calling it a mismatch', () => {
    const c = buildComparison([version(5, 'production', [m('auc', 0.9)]), version(9, 'staging', [m('auc', 0.92)]), version(10, 'testing', [])], DEFS);
    expect(c.evaluationSetMismatch).toBe(false);
    expect(c.unevaluated).toEqual(['v10']);
  });
});

describe('hidden regressions', () => {
  it('finds a slice that got worse while the whole set got better', () => {
    const c = buildComparison(
      [
        version(5, 'production', [m('auc', 0.9), m('auc', 0.9, 'region=EU'), m('auc', 0.9, 'region=US')]),
        version(6, 'archived', [m('auc', 0.92), m('auc', 0.85, 'region=EU'), m('auc', 0.95, 'region=US')]),
      ],
      DEFS,
    );
    expect(c.hiddenRegressions).toHaveLength(1);
    expect(c.hiddenRegressions[0]).toMatchObject({ versionId: 'v6', key: 'auc', slice: 'region=EU', overall: { better: true }, sliceDelta: { better: false } });
  });

  it('ignores noise below 1% and slices of a version that is worse overall anyway', () => {
    const c = buildComparison(
      [
        version(5, 'production', [m('auc', 0.9), m('auc', 0.9, 'region=EU'), m('recall', 0.8), m('recall', 0.8, 'region=EU')]),
        version(7, 'testing', [m('auc', 0.91), m('auc', 0.899, 'region=EU'), m('recall', 0.7), m('recall', 0.6, 'region=EU')]),
      ],
      DEFS,
    );
    expect(c.hiddenRegressions).toEqual([]);
  });
});

describe('scales', () => {
  it('orients improvement so that up is better for either direction', () => {
    const c = buildComparison([version(5, 'production', [m('auc', 0.8), m('latency_p95_ms', 100)]), version(9, 'staging', [m('auc', 0.88), m('latency_p95_ms', 110)])], DEFS);
    const auc = row(c, 'auc');
    const latency = row(c, 'latency_p95_ms');
    expect(improvement(auc.cells[1]!.delta, auc.direction)).toBeCloseTo(0.1);
    expect(improvement(latency.cells[1]!.delta, latency.direction)).toBeCloseTo(-0.1);
  });

  it('groups serving metrics as operational', () => {
    expect(['latency_p95_ms', 'memory_mb', 'artifact_size_mb', 'throughput_rps'].map(metricGroup)).toEqual(['operational', 'operational', 'operational', 'operational']);
    expect(['auc', 'precision', 'rmse'].map(metricGroup)).toEqual(['quality', 'quality', 'quality']);
  });
});
