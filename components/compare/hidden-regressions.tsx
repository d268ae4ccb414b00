import { TrendingDown } from 'lucide-react';
import type { CompareModel } from './compare-model';
import { DeltaText } from './delta-text';

const SHOWN = 6;

/** Versions that beat the baseline on average but lose on a slice, across every metric. */
export function HiddenRegressions({ model, evaluationSet, onPick }: { model: CompareModel; evaluationSet: string; onPick: (metric: string) => void }) {
  const byId = new Map(model.comparison.versions.map((v) => [v.id, v]));
  const found = model.comparison.hiddenRegressions.filter((r) => r.evaluationSet === evaluationSet);
  if (found.length === 0) {
    return <p className="text-sm text-ink-muted">No slice is more than 1% worse than the baseline where the whole set is better or equal.</p>;
  }
  const directions = new Map(model.comparison.rows.map((r) => [r.key, r.direction]));
  return (
    <div role="note" data-testid="hidden-regressions" className="rounded-lg border border-red-200 bg-red-50/60 px-4 py-3 text-sm dark:border-red-900/60 dark:bg-red-400/5">
      <p className="flex items-center gap-2 font-semibold text-red-800 dark:text-red-300">
        <TrendingDown aria-hidden className="size-4" />
        {found.length === 1 ? 'One slice regresses' : `${found.length} slices regress`} where the average improves
      </p>
      <ul className="mt-2 space-y-1">
        {found.slice(0, SHOWN).map((r) => (
          <li key={`${r.versionId}/${r.key}/${r.slice}`} className="flex flex-wrap items-baseline gap-x-2 text-ink">
            <span className="font-semibold">v{byId.get(r.versionId)?.number}</span>
            <button type="button" onClick={() => onPick(r.key)} className="font-mono text-xs text-accent-text hover:underline">
              {r.key}
            </button>
            <span className="text-xs text-ink-muted">overall</span>
            <DeltaText delta={r.overall} direction={directions.get(r.key) ?? 'higher'} />
            <span className="text-xs text-ink-muted">
              but on <span className="font-mono text-ink">{r.slice}</span>
            </span>
            <DeltaText delta={r.sliceDelta} direction={directions.get(r.key) ?? 'higher'} />
          </li>
        ))}
      </ul>
      {found.length > SHOWN && <p className="mt-1 text-xs text-ink-muted">…and {found.length - SHOWN} more; see the table below per metric.</p>}
    </div>
  );
}
