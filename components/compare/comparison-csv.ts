import { stringify } from 'csv-stringify/browser/esm/sync';
import { DIFF_SECTION_LABELS } from '@/lib/registry/compare-params';
import type { CompareModel } from './compare-model';

/**
 * The comparison as a spreadsheet: one row per metric (per evaluation set and slice) or parameter, a value
 * column per version and, for metrics, a delta-vs-baseline column per other version. Quoting is left to
 * csv-stringify, and cells that a spreadsheet would run as formulas are defused.
 */
export function comparisonCsv({ comparison, params }: CompareModel): string {
  const { versions, baseline } = comparison;
  const others = versions.slice(1);
  const header = [
    'section',
    'evaluation_set',
    'slice',
    'name',
    'direction',
    ...versions.map((v) => (v.id === baseline.id ? `v${v.number} (baseline)` : `v${v.number}`)),
    ...others.map((v) => `delta v${v.number} vs v${baseline.number}`),
  ];
  const metricRows = comparison.rows.map((row) => [
    row.group === 'operational' ? 'operational metric' : 'metric',
    row.evaluationSet,
    row.slice,
    row.key,
    `${row.direction} is better`,
    ...row.cells.map((c) => c.value),
    ...row.cells.slice(1).map((c) => c.delta.absolute),
  ]);
  const paramRows = params.map((row) => [DIFF_SECTION_LABELS[row.section], '', '', row.key, '', ...row.values, ...others.map(() => null)]);
  return stringify([header, ...metricRows, ...paramRows].map((r) => r.map(defuse)), { bom: true });
}

/**
 * A leading =, +, - or @ (or their full-width forms, which Apple Numbers folds), a tab or a carriage return
 * makes a spreadsheet evaluate a cell; user-written names and values must not (plain numbers may). The same
 * characters csv-stringify's escape_formulas covers in the audit export.
 */
function defuse(value: string | number | null): string | number | null {
  if (typeof value !== 'string' || (value.trim() !== '' && Number.isFinite(Number(value)))) return value;
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}
