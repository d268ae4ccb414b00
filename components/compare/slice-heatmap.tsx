import { formatMetric } from '@/lib/registry';
import { improvement, type MetricCell, type MetricRow } from '@/lib/registry/compare';
import { cx } from '@/components/ui/cx';
import type { CompareModel } from './compare-model';
import { DeltaText } from './delta-text';
import { STICKY, VersionHeadRow } from './version-head-cell';

/** A 5% change is full strength; anything larger is as loud as it gets. */
const FULL_SCALE = 0.05;

function tint(cell: MetricCell, row: MetricRow): string | undefined {
  const gain = improvement(cell.delta, row.direction);
  if (gain === null || gain === 0) return undefined;
  const alpha = 0.08 + 0.47 * Math.min(Math.abs(gain) / FULL_SCALE, 1);
  return gain > 0 ? `rgba(16, 185, 129, ${alpha.toFixed(2)})` : `rgba(239, 68, 68, ${alpha.toFixed(2)})`;
}

/** Slices × versions for one metric, with the whole set on top for reference. */
export function SliceHeatmap({ model, evaluationSet, metric }: { model: CompareModel; evaluationSet: string; metric: string }) {
  const { versions, baseline } = model.comparison;
  const rows = model.comparison.rows.filter((r) => r.evaluationSet === evaluationSet && r.key === metric);
  return (
    <div className="relative overflow-x-auto rounded-md border border-line">
      <table className="w-full text-sm" data-testid="slice-heatmap">
        <caption className="sr-only">
          {metric} per slice on {evaluationSet}, against baseline v{baseline.number}
        </caption>
        <thead className="bg-surface-muted/60">
          <VersionHeadRow
            label={
              <>
                Slice · <span className="font-mono">{metric}</span> {rows[0]?.direction === 'lower' ? '↓' : '↑'}
              </>
            }
            versions={versions}
            baselineId={baseline.id}
          />
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slice} className={cx('border-t border-line', row.slice === '' && 'border-b-2 border-b-line-strong')}>
              <th scope="row" className={cx(STICKY, 'px-3 py-2 text-left font-mono text-xs font-normal whitespace-nowrap', row.slice === '' ? 'font-semibold text-ink' : 'text-ink-muted')}>
                {row.slice === '' ? 'all data' : row.slice}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i} className="px-3 py-2 text-right align-top" style={i === 0 ? undefined : { backgroundColor: tint(cell, row) }}>
                  <div className="font-mono text-ink tabular-nums">{formatMetric(cell.value)}</div>
                  {i > 0 && cell.value !== null && <DeltaText delta={cell.delta} direction={row.direction} className="!text-ink-muted" />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
