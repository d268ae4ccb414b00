import { TriangleAlert } from 'lucide-react';
import type { Comparison } from '@/lib/registry/compare';
import type { CompareVersionData } from '@/lib/db/queries/compare';

/** Apples to oranges: which version was measured on which data, said before any number is read. */
export function EvaluationSetNotice({ comparison }: { comparison: Comparison<CompareVersionData> }) {
  const byId = new Map(comparison.versions.map((v) => [v.id, v]));
  const unevaluated = comparison.unevaluated.map((id) => `v${byId.get(id)?.number}`);
  if (!comparison.evaluationSetMismatch && unevaluated.length === 0) return null;
  return (
    <div role="alert" className="flex gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-400/10 dark:text-amber-200">
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="space-y-1">
        {comparison.evaluationSetMismatch && (
          <>
            <p className="font-semibold">These versions were evaluated on different evaluation sets.</p>
            <p>
              Their metrics describe different data, so comparing them is apples to oranges. Deltas are only computed within one
              set{comparison.sharedEvaluationSets.length > 0 ? '; the sets all versions share are compared first' : ', and no set is shared by all of them'}.
            </p>
            <ul className="mt-1 space-y-0.5">
              {comparison.evaluationSets.map((s) => (
                <li key={s.evaluationSet}>
                  <span className="font-mono">{s.evaluationSet}</span>: {s.versionIds.map((id) => `v${byId.get(id)?.number}`).join(', ')}
                </li>
              ))}
            </ul>
          </>
        )}
        {unevaluated.length > 0 && <p>No metrics were recorded for {unevaluated.join(', ')}.</p>}
      </div>
    </div>
  );
}
