import { formatDelta, formatPercent, metricDelta, type MetricDirection } from '@/lib/registry';
import { cx } from '@/components/ui/cx';

interface MetricDeltaProps {
  value: number | null;
  baseline: number | null;
  direction: MetricDirection;
  /** Who the baseline is, for the tooltip: "Production v7". */
  baselineLabel: string;
  className?: string;
}

/** "+0.012 (+1.3%)" in green when better for this metric's direction, red when worse; nothing when unknown. */
export function MetricDelta({ value, baseline, direction, baselineLabel, className }: MetricDeltaProps) {
  const delta = metricDelta(value, baseline, direction);
  if (delta.absolute === null) return null;
  const verdict = delta.better === null ? 'same as' : delta.better ? 'better than' : 'worse than';
  const relative = delta.relative === null || delta.absolute === 0 ? '' : ` (${formatPercent(delta.relative, { signed: true })})`;
  return (
    <span
      title={`${verdict} ${baselineLabel}`}
      className={cx(
        'font-mono text-xs tabular-nums',
        delta.better === true && 'text-emerald-700 dark:text-emerald-400',
        delta.better === false && 'text-red-700 dark:text-red-400',
        delta.better === null && 'text-ink-faint',
        className,
      )}
    >
      {formatDelta(delta)}
      {relative}
      <span className="sr-only">, {verdict} {baselineLabel}</span>
    </span>
  );
}
