import Link from 'next/link';
import type { ProductionPeriodView } from '@/lib/db/queries/production-history';
import { cx } from '@/components/ui/cx';
import { formatExactDate, formatExactTime } from '@/components/ui/time-format';

// Dark enough for the white version labels (AA, 4.5:1); neighbours alternate green and teal.
const COLOURS = ['bg-emerald-700', 'bg-teal-800', 'bg-emerald-800', 'bg-teal-700'];

/**
 * Which version held Production over which interval, as one horizontal strip (width ∝ time), with the
 * same facts as a list for screen readers and for exact dates.
 */
export function ProductionStrip({ model, periods, now = new Date() }: { model: string; periods: ProductionPeriodView[]; now?: Date }) {
  if (periods.length === 0) return <p className="text-sm text-ink-muted">No version has been in Production yet.</p>;
  const start = Date.parse(periods[0]!.startedAt);
  const span = Math.max(now.getTime() - start, 1);
  return (
    <div>
      <div className="flex h-9 w-full overflow-hidden rounded-md ring-1 ring-line" aria-hidden>
        {periods.map((p, i) => {
          const from = Date.parse(p.startedAt);
          const to = p.endedAt ? Date.parse(p.endedAt) : now.getTime();
          const width = Math.max(((to - from) / span) * 100, 0.5);
          return (
            <div
              key={`${p.version.number}-${p.startedAt}`}
              title={`v${p.version.number} (${p.version.semver}): ${formatExactTime(p.startedAt)} → ${p.endedAt ? formatExactTime(p.endedAt) : 'now'}`}
              style={{ width: `${width}%` }}
              className={cx('flex items-center justify-center overflow-hidden border-r border-surface text-xs font-medium text-white last:border-r-0', p.version.failed ? 'bg-red-700' : COLOURS[i % COLOURS.length])}
            >
              {width > 6 && `v${p.version.number}`}
            </div>
          );
        })}
      </div>
      <div className="mt-1 flex justify-between text-xs text-ink-faint" aria-hidden>
        <span>{formatExactDate(periods[0]!.startedAt)}</span>
        <span>now</span>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-ink-muted hover:text-ink">All {periods.length} Production periods</summary>
        <ol className="mt-2 space-y-1" aria-label="Production periods">
          {periods.map((p) => (
            <li key={`${p.version.number}-${p.startedAt}`} className="text-ink">
              <Link href={`/models/${encodeURIComponent(model)}/versions/${p.version.number}`} className="font-medium text-accent-text hover:underline">
                v{p.version.number}
              </Link>{' '}
              {formatExactTime(p.startedAt)} → {p.endedAt ? formatExactTime(p.endedAt) : 'now'} · put there by {p.startedBy}
              {p.endedReason && <span className="text-ink-muted"> · ended: {p.endedReason}</span>}
              {p.version.failed && <span className="ml-1 text-red-700 dark:text-red-400">(failed)</span>}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
