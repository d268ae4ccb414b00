import { guessDirection, metricDelta, type MetricDelta, type MetricDirection } from './metrics';
import type { Stage } from './stages';

/*
 * Side-by-side comparison of model versions: one row per (evaluation set, metric, slice), one cell per
 * version, each with its delta against a baseline. Pure, so the page, the CSV export and the tests build
 * the same matrix.
 */

export interface CompareMetric {
  key: string;
  value: number;
  evaluationSet: string;
  /** "" is the whole evaluation set; otherwise a slice such as "region=EU". */
  slice: string;
}

export interface CompareVersion {
  id: string;
  number: number;
  stage: Stage;
  metrics: CompareMetric[];
}

export interface MetricInfo {
  key: string;
  direction: MetricDirection;
  isPrimary: boolean;
}

/** Why this version is the baseline: it is in Production, or nothing selected is, so the first one stands in. */
export type BaselineReason = 'production' | 'first-selected';

export interface Baseline {
  id: string;
  number: number;
  reason: BaselineReason;
}

/** Serving cost rather than model quality: compared the same way, listed separately. */
export type MetricGroup = 'quality' | 'operational';

const OPERATIONAL = /(latency|_ms$|memory|_mb$|_gb$|bytes|size|throughput|qps|rps|cpu|gpu|cost|duration|cold_start)/i;

export function metricGroup(key: string): MetricGroup {
  return OPERATIONAL.test(key) ? 'operational' : 'quality';
}

export interface MetricCell {
  value: number | null;
  /** Against the baseline's value for the same metric, evaluation set and slice. */
  delta: MetricDelta;
  /** The best value of the row for the metric's direction (ties all count; nothing is best when all are equal). */
  best: boolean;
}

export interface MetricRow {
  key: string;
  evaluationSet: string;
  slice: string;
  direction: MetricDirection;
  isPrimary: boolean;
  group: MetricGroup;
  /** One per version, in the comparison's version order. */
  cells: MetricCell[];
}

export interface EvaluationSetCoverage {
  evaluationSet: string;
  /** The versions with at least one metric on this set. */
  versionIds: string[];
}

/** A version that beats the baseline on the whole set but loses on a slice: the average hides it. */
export interface HiddenRegression {
  versionId: string;
  key: string;
  evaluationSet: string;
  slice: string;
  overall: MetricDelta;
  sliceDelta: MetricDelta;
}

export interface Comparison<V extends CompareVersion = CompareVersion> {
  /** The baseline first, then the others by version number. */
  versions: V[];
  baseline: Baseline;
  rows: MetricRow[];
  evaluationSets: EvaluationSetCoverage[];
  /** Sets every evaluated version was measured on; deltas on other sets compare different data. */
  sharedEvaluationSets: string[];
  /** True when the evaluated versions were not all measured on the same evaluation sets. */
  evaluationSetMismatch: boolean;
  /** Versions with no metrics at all. */
  unevaluated: string[];
  hiddenRegressions: HiddenRegression[];
}

/** The Production version when one is among `versions`, else the first of them. */
export function pickBaseline(versions: readonly CompareVersion[]): Baseline {
  const production = versions.find((v) => v.stage === 'production');
  const chosen = production ?? versions[0];
  if (!chosen) throw new Error('pickBaseline needs at least one version');
  return { id: chosen.id, number: chosen.number, reason: production ? 'production' : 'first-selected' };
}

/** Higher-is-better or lower-is-better, from the model's definitions, else guessed from the name. */
export function directionOf(key: string, definitions: readonly MetricInfo[]): MetricDirection {
  return definitions.find((d) => d.key === key)?.direction ?? guessDirection(key);
}

const rowId = (evaluationSet: string, key: string, slice: string) => `${evaluationSet}\u0000${key}\u0000${slice}`;

function markBest(values: (number | null)[], direction: MetricDirection): boolean[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return values.map(() => false);
  const best = direction === 'higher' ? Math.max(...present) : Math.min(...present);
  const worst = direction === 'higher' ? Math.min(...present) : Math.max(...present);
  if (best === worst) return values.map(() => false);
  return values.map((v) => v === best);
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

interface BuildOptions {
  /** A slice must be at least this much worse (relative) to count as hidden regression; noise stays out. */
  minSliceRegression?: number;
}

/**
 * Builds the metric × version matrix. Every (evaluation set, metric, slice) any version has becomes a row;
 * versions without it get an empty cell, never a zero. Deltas are taken only within the same evaluation
 * set and slice, so a number is never compared with one measured on other data.
 */
export function buildComparison<V extends CompareVersion>(input: readonly V[], definitions: readonly MetricInfo[], options: BuildOptions = {}): Comparison<V> {
  const baseline = pickBaseline(input);
  const versions = [...input].sort((a, b) => (a.id === baseline.id ? -1 : b.id === baseline.id ? 1 : a.number - b.number));
  const baselineIndex = 0;

  const keys = new Map<string, { evaluationSet: string; key: string; slice: string }>();
  const values = versions.map((v) => {
    const byRow = new Map<string, number | null>();
    for (const m of v.metrics) {
      const id = rowId(m.evaluationSet, m.key, m.slice);
      if (!keys.has(id)) keys.set(id, { evaluationSet: m.evaluationSet, key: m.key, slice: m.slice });
      byRow.set(id, finite(m.value));
    }
    return byRow;
  });

  const primary = new Set(definitions.filter((d) => d.isPrimary).map((d) => d.key));
  const rows: MetricRow[] = [...keys.entries()].map(([id, { evaluationSet, key, slice }]) => {
    const direction = directionOf(key, definitions);
    const rowValues = values.map((byRow) => byRow.get(id) ?? null);
    const base = rowValues[baselineIndex] ?? null;
    const best = markBest(rowValues, direction);
    return {
      key,
      evaluationSet,
      slice,
      direction,
      isPrimary: primary.has(key),
      group: metricGroup(key),
      cells: rowValues.map((value, i) => ({ value, delta: metricDelta(value, base, direction), best: best[i] ?? false })),
    };
  });
  rows.sort(compareRows);

  const coverage = new Map<string, Set<string>>();
  for (const v of versions) {
    for (const m of v.metrics) {
      let ids = coverage.get(m.evaluationSet);
      if (!ids) coverage.set(m.evaluationSet, (ids = new Set()));
      ids.add(v.id);
    }
  }
  const evaluated = versions.filter((v) => v.metrics.length > 0);
  const evaluationSets = [...coverage.entries()]
    .map(([evaluationSet, ids]) => ({ evaluationSet, versionIds: versions.filter((v) => ids.has(v.id)).map((v) => v.id) }))
    .sort((a, b) => b.versionIds.length - a.versionIds.length || a.evaluationSet.localeCompare(b.evaluationSet));
  const sharedEvaluationSets = evaluationSets.filter((s) => s.versionIds.length === evaluated.length).map((s) => s.evaluationSet);

  return {
    versions,
    baseline,
    rows,
    evaluationSets,
    sharedEvaluationSets,
    evaluationSetMismatch: evaluated.length > 1 && sharedEvaluationSets.length < evaluationSets.length,
    unevaluated: versions.filter((v) => v.metrics.length === 0).map((v) => v.id),
    hiddenRegressions: findHiddenRegressions(rows, versions, options.minSliceRegression ?? 0.01),
  };
}

/** Evaluation set, then quality before operational, the primary metric first, then by name; whole set before its slices. */
function compareRows(a: MetricRow, b: MetricRow): number {
  return (
    a.evaluationSet.localeCompare(b.evaluationSet) ||
    (a.group === b.group ? 0 : a.group === 'quality' ? -1 : 1) ||
    Number(b.isPrimary) - Number(a.isPrimary) ||
    a.key.localeCompare(b.key, 'en', { numeric: true }) ||
    (a.slice === '' ? -1 : 0) - (b.slice === '' ? -1 : 0) ||
    a.slice.localeCompare(b.slice, 'en', { numeric: true })
  );
}

function findHiddenRegressions(rows: MetricRow[], versions: readonly CompareVersion[], minRelative: number): HiddenRegression[] {
  const whole = new Map(rows.filter((r) => r.slice === '').map((r) => [rowId(r.evaluationSet, r.key, ''), r]));
  const found: HiddenRegression[] = [];
  for (const row of rows) {
    if (row.slice === '') continue;
    const overallRow = whole.get(rowId(row.evaluationSet, row.key, ''));
    if (!overallRow) continue;
    row.cells.forEach((cell, i) => {
      const overall = overallRow.cells[i]?.delta;
      const version = versions[i];
      if (i === 0 || !version || !overall || overall.better === false || overall.absolute === null) return;
      const { delta } = cell;
      if (delta.better !== false || delta.relative === null || Math.abs(delta.relative) < minRelative) return;
      found.push({ versionId: version.id, key: row.key, evaluationSet: row.evaluationSet, slice: row.slice, overall, sliceDelta: delta });
    });
  }
  return found.sort((a, b) => Math.abs(b.sliceDelta.relative ?? 0) - Math.abs(a.sliceDelta.relative ?? 0));
}

/**
 * A delta oriented so that up is better, as a fraction of the baseline: +0.02 means 2% better whichever way
 * the metric points. Null when the baseline is 0 or either side is missing. Lets metrics on different
 * scales (AUC ≈ 0.9, latency ≈ 90 ms) share one axis without one flattening the others.
 */
export function improvement(delta: MetricDelta, direction: MetricDirection): number | null {
  if (delta.relative === null) return null;
  return direction === 'higher' ? delta.relative : -delta.relative;
}
