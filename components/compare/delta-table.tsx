import { Fragment } from 'react';
import { formatMetric } from '@/lib/registry';
import type { MetricGroup, MetricRow } from '@/lib/registry/compare';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { type CompareModel, wholeSetRows } from './compare-model';
import { DeltaText } from './delta-text';
import { GroupHeadRow, STICKY, VersionHeadRow } from './version-head-cell';

const GROUP_LABELS: Record<MetricGroup, string> = { quality: 'Model quality', operational: 'Operational (serving cost)' };

/** Metric × version: each value with its delta against the baseline; the best value of each row stands out. */
export function DeltaTable({ model, evaluationSet }: { model: CompareModel; evaluationSet: string }) {
  const { versions, baseline } = model.comparison;
  const rows = wholeSetRows(model, evaluationSet);
  const groups = (['quality', 'operational'] as const).map((group) => ({ group, rows: rows.filter((r) => r.group === group) })).filter((g) => g.rows.length > 0);
  if (rows.length === 0) return <p className="text-sm text-ink-faint">No whole-set metrics on this evaluation set.</p>;
  return (
    <div className="relative overflow-x-auto rounded-md border border-line">
      <table className="w-full text-sm" data-testid="delta-table">
        <caption className="sr-only">
          Metrics on evaluation set {evaluationSet}, with deltas against baseline v{baseline.number}. The best value per metric is marked.
        </caption>
        <thead className="bg-surface-muted/60">
          <VersionHeadRow
            label={
              <>
                Metric <span className="font-normal">({evaluationSet})</span>
              </>
            }
            versions={versions}
            baselineId={baseline.id}
          />
        </thead>
        <tbody>
          {groups.map(({ group, rows: groupRows }) => (
            <Fragment key={group}>
              <GroupHeadRow columns={versions.length + 1}>{GROUP_LABELS[group]}</GroupHeadRow>
              {groupRows.map((row) => (
                <DeltaRow key={row.key} row={row} />
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeltaRow({ row }: { row: MetricRow }) {
  return (
    <tr className="border-t border-line">
      <th scope="row" className={cx(STICKY, 'px-3 py-2 text-left font-normal whitespace-nowrap')}>
        <span className="font-mono text-ink">{row.key}</span>
        {row.isPrimary && (
          <Badge tone="accent" className="ml-2">
            primary
          </Badge>
        )}
        <span className="ml-2 text-xs text-ink-faint" title={row.direction === 'higher' ? 'higher is better' : 'lower is better'}>
          {row.direction === 'higher' ? '↑' : '↓'}
          <span className="sr-only">{row.direction === 'higher' ? 'higher is better' : 'lower is better'}</span>
        </span>
      </th>
      {row.cells.map((cell, i) => (
        <td
          key={i}
          data-best={cell.best || undefined}
          className={cx('px-3 py-2 text-right align-top', i === 0 && 'bg-surface-muted/50', cell.best && 'bg-emerald-50 dark:bg-emerald-400/10')}
        >
          <div className={cx('font-mono text-ink tabular-nums', cell.best && 'font-semibold')}>
            {cell.value === null ? <span className="text-ink-faint" title="not measured">—</span> : formatMetric(cell.value)}
            {cell.best && (
              <span className="ml-1 align-middle text-[10px] font-sans font-medium text-emerald-700 uppercase dark:text-emerald-400" title="best of the compared versions">
                best
              </span>
            )}
          </div>
          {i > 0 && cell.value !== null && <DeltaText delta={cell.delta} direction={row.direction} />}
        </td>
      ))}
    </tr>
  );
}
