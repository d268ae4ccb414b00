import { formatDelta, formatPercent, type MetricDelta, type MetricDirection } from '@/lib/registry';
import { cx } from '@/components/ui/cx';

/** "+0.012 (+1.3%)", green when better for the metric's direction, red when worse, grey when equal. */
export function DeltaText({ delta, direction, className }: { delta: MetricDelta; direction: MetricDirection; className?: string }) {
  if (delta.absolute === null) return <span className={cx('text-xs text-ink-faint', className)}>—</span>;
  const verdict = delta.better === null ? 'same' : delta.better ? 'better' : 'worse';
  return (
    <span
      title={`${verdict} (${direction} is better)`}
      className={cx(
        'font-mono text-xs whitespace-nowrap tabular-nums',
        delta.better === true && 'text-emerald-700 dark:text-emerald-400',
        delta.better === false && 'text-red-700 dark:text-red-400',
        delta.better === null && 'text-ink-faint',
        className,
      )}
    >
      {formatDelta(delta)}
      {delta.relative !== null && delta.absolute !== 0 && ` (${formatPercent(delta.relative, { signed: true })})`}
      <span className="sr-only">, {verdict}</span>
    </span>
  );
}
