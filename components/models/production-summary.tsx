import { formatMetric } from '@/lib/registry';
import type { ModelListItem } from '@/lib/db/queries/models';

/** The model's current Production version and its key metric, or a plain statement that there is none. */
export function ProductionSummary({ production }: { production: ModelListItem['production'] }) {
  if (!production) return <p className="text-sm text-ink-faint">No version in Production yet</p>;
  return (
    <div className="text-sm">
      <p className="flex items-center gap-1.5 text-ink">
        <span aria-hidden className="size-2 rounded-full bg-emerald-500" />
        <span className="font-medium">v{production.number}</span>
        <span className="font-mono text-xs text-ink-muted">{production.semver}</span>
      </p>
      {production.metricKey && (
        <p className="mt-0.5 text-ink-muted">
          {production.metricKey} <span className="font-mono font-medium text-ink tabular-nums">{formatMetric(production.metricValue)}</span>
        </p>
      )}
    </div>
  );
}
