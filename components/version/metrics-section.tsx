import { Fragment } from 'react';
import { formatMetric, guessDirection, type MetricDirection } from '@/lib/registry';
import { MetricDelta } from '@/components/registry/metric-delta';
import { Badge } from '@/components/ui/badge';
import { SectionCard } from '@/components/ui/card';
import { groupMetrics, type MetricRow } from './group-metrics';

interface MetricsSectionProps {
  metrics: MetricRow[];
  definitions: { key: string; direction: MetricDirection; isPrimary: boolean; description: string }[];
  /** The Production version to compare with; null when this is it, or when nothing is in Production. */
  baseline: { number: number; metrics: { key: string; value: number; evaluationSet: string }[] } | null;
}

const TH = 'px-3 py-2 text-left text-xs font-medium text-ink-faint';

export function MetricsSection({ metrics, definitions, baseline }: MetricsSectionProps) {
  const groups = groupMetrics(metrics);
  const definition = (key: string) => definitions.find((d) => d.key === key);
  return (
    <SectionCard title="Metrics">
      {groups.length === 0 ? (
        <p className="text-sm text-ink-faint">No metrics were recorded for this version.</p>
      ) : (
        <div className="space-y-6">
          {groups.map((group) => (
            <div key={group.evaluationSet}>
              <h3 className="mb-2 text-xs font-medium text-ink-muted">
                Evaluation set <span className="font-mono text-ink">{group.evaluationSet}</span>
              </h3>
              <div className="relative overflow-x-auto rounded-md border border-line">
                <table className="w-full text-sm">
                  <thead className="bg-surface-muted/60">
                    <tr>
                      <th scope="col" className={TH}>Metric</th>
                      <th scope="col" className={`${TH} text-right`}>Value</th>
                      {baseline && <th scope="col" className={`${TH} text-right`}>vs Production v{baseline.number}</th>}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line">
                    {group.metrics.map((metric) => {
                      const def = definition(metric.key);
                      const direction = def?.direction ?? guessDirection(metric.key);
                      const base = baseline?.metrics.find((m) => m.key === metric.key && m.evaluationSet === group.evaluationSet);
                      return (
                        <Fragment key={metric.key}>
                        <tr>
                          <th scope="row" className="px-3 py-2 text-left font-normal">
                            <span className="font-mono text-ink">{metric.key}</span>
                            {def?.isPrimary && <Badge tone="accent" className="ml-2">primary</Badge>}
                            <span className="ml-2 text-xs text-ink-faint">{direction === 'higher' ? '↑ higher is better' : '↓ lower is better'}</span>
                          </th>
                          <td className="px-3 py-2 text-right font-mono text-ink tabular-nums">{formatMetric(metric.whole?.value)}</td>
                          {baseline && (
                            <td className="px-3 py-2 text-right">
                              {base ? (
                                <MetricDelta value={metric.whole?.value ?? null} baseline={base.value} direction={direction} baselineLabel={`Production v${baseline.number}`} />
                              ) : (
                                <span className="text-xs text-ink-faint">not measured</span>
                              )}
                            </td>
                          )}
                        </tr>
                        {metric.slices.map((slice) => (
                          <tr key={`${metric.key}/${slice.slice}`} className="text-ink-muted">
                            <th scope="row" className="py-1.5 pr-3 pl-8 text-left text-xs font-normal">
                              <span className="font-mono">{slice.slice}</span>
                            </th>
                            <td className="px-3 py-1.5 text-right font-mono text-xs tabular-nums">{formatMetric(slice.value)}</td>
                            {baseline && <td />}
                          </tr>
                        ))}
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </div>
          ))}
        </div>
      )}
    </SectionCard>
  );
}
