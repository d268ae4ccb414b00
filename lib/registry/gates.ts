import type { MetricDirection } from './metrics';
import { formatMetric } from './numbers';
import { missingCardSections } from './model-card';
import type { Gate, MetadataField } from './policy';

export interface MetricPoint {
  key: string;
  value: number;
  evaluationSet: string;
  /** "" for the whole evaluation set. */
  slice: string;
}

export interface GateSubject {
  metrics: MetricPoint[];
  metadata: Record<MetadataField, string | null>;
  modelCard: string;
  /** The card's outline as stored at registration (read instead of parsing the card), if any. */
  cardOutline?: unknown;
}

export interface GateContext {
  candidate: GateSubject;
  /** The current Production version, or null when the model has none yet. */
  baseline: { number: number; metrics: MetricPoint[] } | null;
  directions: Record<string, MetricDirection>;
  primaryMetric: string | null;
}

export interface GateResult {
  kind: Gate['kind'];
  label: string;
  passed: boolean;
  /** One sentence with the numbers behind the verdict. */
  detail: string;
  checks?: { name: string; passed: boolean; candidate: number | null; required: number | null; baseline?: number | null }[];
  /** Set (true) for an advisory gate: its verdict is shown and recorded, but never stops a move. */
  advisory?: true;
}

const METADATA_LABELS: Record<MetadataField, string> = {
  artifactDigest: 'artifact digest',
  trainingDataHash: 'training data hash',
  codeCommit: 'code commit',
};

/**
 * Evaluates every gate except approvals (those are counted on the request) and returns each verdict
 * with its numbers. Pure: the same inputs always give the same results, so requests can snapshot them.
 */
export function evaluateGates(gates: readonly Gate[], context: GateContext): GateResult[] {
  return gates.filter((g) => g.kind !== 'approvals').map((gate) => withEnforcement(gate, evaluateGate(gate, context)));
}

function withEnforcement(gate: Gate, result: GateResult): GateResult {
  return gate.advisory ? { ...result, advisory: true } : result;
}

/** Every gate passed, advisory ones included. */
export function allPassed(results: readonly GateResult[]): boolean {
  return results.every((r) => r.passed);
}

/** The blocking gates that failed: these, and only these, stop a move. */
export function failingGates(results: readonly GateResult[]): GateResult[] {
  return results.filter((r) => !r.passed && !r.advisory);
}

/** The advisory gates that failed: shown and recorded with the move, which goes ahead. */
export function unmetAdvisoryGates(results: readonly GateResult[]): GateResult[] {
  return results.filter((r) => !r.passed && r.advisory === true);
}

function evaluateGate(gate: Gate, context: GateContext): GateResult {
  switch (gate.kind) {
    case 'metric-threshold':
      return thresholdGate(gate, context.candidate.metrics);
    case 'no-regression':
      return noRegressionGate(gate, context);
    case 'required-metadata':
      return metadataGate(gate.fields, context.candidate.metadata);
    case 'model-card-complete':
      return modelCardGate(gate.sections, context.candidate.modelCard, context.candidate.cardOutline);
    case 'approvals':
      return { kind: 'approvals', label: `${gate.count} approval(s)`, passed: true, detail: 'Counted on the promotion request.' };
  }
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The whole-set value of `key`, on `evaluationSet` if given, else on the first evaluation set that has it. */
export function wholeSetValue(metrics: readonly MetricPoint[], key: string, evaluationSet?: string): MetricPoint | undefined {
  return metrics
    .filter((m) => m.key === key && m.slice === '' && (!evaluationSet || m.evaluationSet === evaluationSet))
    .sort((a, b) => a.evaluationSet.localeCompare(b.evaluationSet))[0];
}

function thresholdGate(gate: Extract<Gate, { kind: 'metric-threshold' }>, metrics: readonly MetricPoint[]): GateResult {
  const label = `${gate.metric} ${gate.op} ${formatMetric(gate.value)}`;
  const point = wholeSetValue(metrics, gate.metric, gate.evaluationSet);
  if (!point || !isFiniteNumber(point.value)) {
    return { kind: gate.kind, label, passed: false, detail: `No ${gate.metric} value${gate.evaluationSet ? ` on ${gate.evaluationSet}` : ''} was reported.` };
  }
  const passed = gate.op === '>=' ? point.value >= gate.value : point.value <= gate.value;
  return {
    kind: gate.kind,
    label,
    passed,
    detail: `${gate.metric} is ${formatMetric(point.value)} on ${point.evaluationSet} (needs ${gate.op} ${formatMetric(gate.value)}).`,
    checks: [{ name: gate.metric, passed, candidate: point.value, required: gate.value }],
  };
}

/** The bound a candidate must meet: within `tolerance` of the baseline in the metric's good direction. */
export function regressionBound(baseline: number, direction: MetricDirection, tolerance: number): number {
  return direction === 'higher' ? baseline - tolerance * Math.abs(baseline) : baseline + tolerance * Math.abs(baseline);
}

function noRegressionGate(gate: Extract<Gate, { kind: 'no-regression' }>, context: GateContext): GateResult {
  const keys = gate.metrics.length > 0 ? gate.metrics : context.primaryMetric ? [context.primaryMetric] : [];
  const pct = `${Math.round(gate.tolerance * 1000) / 10}%`;
  const label = `No regression > ${pct} vs Production${gate.perSlice ? ', every slice' : ''}`;
  if (!context.baseline) return { kind: gate.kind, label, passed: true, detail: 'No baseline: the model has no Production version yet.' };
  if (keys.length === 0) return { kind: gate.kind, label, passed: false, detail: 'The model has no primary metric to compare.' };

  const checks: NonNullable<GateResult['checks']> = [];
  const problems: string[] = [];
  for (const key of keys) {
    const direction = context.directions[key] ?? 'higher';
    const base = wholeSetValue(context.baseline.metrics, key);
    if (!base) {
      checks.push({ name: key, passed: true, candidate: wholeSetValue(context.candidate.metrics, key)?.value ?? null, required: null, baseline: null });
      continue; // Nothing to regress from.
    }
    const rows = context.baseline.metrics.filter((m) => m.key === key && m.evaluationSet === base.evaluationSet && (gate.perSlice || m.slice === ''));
    for (const row of rows) {
      const name = row.slice ? `${key} [${row.slice}]` : key;
      const candidate = context.candidate.metrics.find((m) => m.key === key && m.evaluationSet === row.evaluationSet && m.slice === row.slice);
      const bound = regressionBound(row.value, direction, gate.tolerance);
      if (!candidate || !isFiniteNumber(candidate.value)) {
        const hasOtherSet = context.candidate.metrics.some((m) => m.key === key && m.slice === row.slice);
        problems.push(hasOtherSet ? `${name} was evaluated on a different evaluation set than ${row.evaluationSet}` : `${name} is missing`);
        checks.push({ name, passed: false, candidate: null, required: bound, baseline: row.value });
        continue;
      }
      const passed = direction === 'higher' ? candidate.value >= bound : candidate.value <= bound;
      if (!passed) problems.push(`${name} ${formatMetric(candidate.value)} vs baseline ${formatMetric(row.value)} (needs ${direction === 'higher' ? '≥' : '≤'} ${formatMetric(bound)})`);
      checks.push({ name, passed, candidate: candidate.value, required: bound, baseline: row.value });
    }
  }
  const passed = problems.length === 0;
  return {
    kind: gate.kind,
    label,
    passed,
    detail: passed ? `Within ${pct} of Production v${context.baseline.number} on ${checks.length} check(s).` : `Regressed vs Production v${context.baseline.number}: ${problems.join('; ')}.`,
    checks,
  };
}

function metadataGate(fields: readonly MetadataField[], metadata: GateSubject['metadata']): GateResult {
  const missing = fields.filter((f) => !metadata[f]?.trim());
  return {
    kind: 'required-metadata',
    label: `Required metadata: ${fields.map((f) => METADATA_LABELS[f]).join(', ')}`,
    passed: missing.length === 0,
    detail: missing.length === 0 ? 'All required metadata is present.' : `Missing: ${missing.map((f) => METADATA_LABELS[f]).join(', ')}.`,
  };
}

function modelCardGate(required: readonly string[], markdown: string, outline: unknown): GateResult {
  const missing = missingCardSections(required, markdown, outline);
  return {
    kind: 'model-card-complete',
    label: 'Model card complete',
    passed: missing.length === 0,
    detail: missing.length === 0 ? `All ${required.length} required sections are filled in.` : `Empty or missing sections: ${missing.join(', ')}.`,
  };
}
