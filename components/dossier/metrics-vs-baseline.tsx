import { formatMetric, type MetricDirection } from '@/lib/registry';

interface Point {
  key: string;
  value: number;
  evaluationSet: string;
}

/** Whole-set metrics beside the baseline's on the same evaluation set, with the change in the metric's good direction. */
export function MetricsVsBaseline({ metrics, baseline, directions }: { metrics: Point[]; baseline: { number: number; metrics: Point[] } | null; directions: Record<string, MetricDirection> }) {
  if (metrics.length === 0) return <p className="text-sm text-ink-muted">No metrics were recorded for this version.</p>;
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="border-b border-line text-left text-xs text-ink-muted">
          <th scope="col" className="py-1.5 pr-3 font-medium">Metric</th>
          <th scope="col" className="py-1.5 pr-3 font-medium">Evaluation set</th>
          <th scope="col" className="py-1.5 pr-3 text-right font-medium">This version</th>
          {baseline && <th scope="col" className="py-1.5 pr-3 text-right font-medium">Baseline v{baseline.number}</th>}
          {baseline && <th scope="col" className="py-1.5 text-right font-medium">Change</th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {metrics.map((m) => {
          const base = baseline?.metrics.find((b) => b.key === m.key && b.evaluationSet === m.evaluationSet);
          const delta = base ? m.value - base.value : null;
          const better = delta === null || delta === 0 ? null : (directions[m.key] ?? 'higher') === 'higher' ? delta > 0 : delta < 0;
          return (
            <tr key={`${m.evaluationSet}-${m.key}`}>
              <td className="py-1.5 pr-3 font-mono text-xs">{m.key}</td>
              <td className="py-1.5 pr-3 font-mono text-xs text-ink-muted">{m.evaluationSet}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{formatMetric(m.value)}</td>
              {baseline && <td className="py-1.5 pr-3 text-right tabular-nums text-ink-muted">{base ? formatMetric(base.value) : '—'}</td>}
              {baseline && (
                <td className="py-1.5 text-right tabular-nums">
                  {delta === null ? '—' : `${delta > 0 ? '+' : ''}${formatMetric(delta)}${better === null ? '' : better ? ' (better)' : ' (worse)'}`}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
