'use client';

import { useState } from 'react';
import { SectionCard } from '@/components/ui/card';
import { ChartFigure, useChartTheme, type LegendItem } from '@/components/ui/chart';
import { Skeleton } from '@/components/ui/skeleton';
import { STAGES, STAGE_LABELS } from '@/lib/registry';
import { useMetricTrend } from '@/lib/queries/use-metric-trend';
import { LoadError } from './load-states';
import { TrendChart } from './trend-chart';

const SELECT = 'h-8 rounded-md border border-line-strong bg-surface px-2 font-mono text-xs text-ink';

/**
 * The primary metric (or any other) for every version in order of registration, coloured by stage, with
 * the periods each version held Production — what MLflow users have asked for since mlflow#4806.
 */
export function MetricTrend({ model }: { model: string }) {
  const theme = useChartTheme();
  const [metric, setMetric] = useState<string | null>(null);
  const [evaluationSet, setEvaluationSet] = useState<string | null>(null);
  const query = useMetricTrend(model, metric, evaluationSet);
  const trend = query.data;

  const controls = trend?.metric && (
    <>
      <label className="flex items-center gap-2 text-xs text-ink-muted">
        Metric
        <select
          value={trend.metric.key}
          onChange={(e) => {
            setMetric(e.target.value);
            setEvaluationSet(null);
          }}
          className={SELECT}
        >
          {trend.metrics.map((m) => (
            <option key={m.key} value={m.key}>
              {m.key}
              {m.isPrimary ? ' (primary)' : ''}
            </option>
          ))}
        </select>
      </label>
      {trend.evaluationSets.length > 1 && trend.evaluationSet && (
        <label className="flex items-center gap-2 text-xs text-ink-muted">
          Evaluation set
          <select value={trend.evaluationSet} onChange={(e) => setEvaluationSet(e.target.value)} className={SELECT}>
            {trend.evaluationSets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} ({s.versions})
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );

  const legend: LegendItem[] = [
    ...STAGES.map((stage) => ({ label: STAGE_LABELS[stage], color: theme.stage[stage] })),
    { label: 'In Production (period)', color: theme.stage.production, hollow: true },
  ];

  return (
    <SectionCard title="Metric trend across versions">
      {query.isPending ? (
        <div aria-busy="true" aria-label="Loading trend" className="space-y-3">
          <Skeleton className="h-5 w-64" />
          <Skeleton className="h-72 w-full" />
        </div>
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : !trend?.metric ? (
        <p className="text-sm text-ink-faint">No metrics are defined for this model yet; they appear once a version is registered with metrics.</p>
      ) : (
        <ChartFigure
          title={`${trend.metric.key} by version`}
          description={<TrendSummary total={trend.total} sampled={trend.sampled} shown={trend.points.length} evaluationSet={trend.evaluationSet} direction={trend.metric.direction} />}
          controls={controls}
          fileName={`${model}-${trend.metric.key}-trend`}
          legend={legend}
        >
          <div aria-busy={query.isFetching} className={query.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
            {trend.points.length === 0 ? (
              <p className="py-10 text-center text-sm text-ink-faint">No version has a whole-set value of {trend.metric.key} yet.</p>
            ) : (
              <TrendChart model={model} trend={trend} />
            )}
          </div>
        </ChartFigure>
      )}
    </SectionCard>
  );
}

function TrendSummary({ total, sampled, shown, evaluationSet, direction }: { total: number; sampled: boolean; shown: number; evaluationSet: string | null; direction: 'higher' | 'lower' }) {
  return (
    <>
      {direction === 'higher' ? 'Higher' : 'Lower'} is better · on <span className="font-mono">{evaluationSet}</span> ·{' '}
      {sampled
        ? `${total.toLocaleString('en-US')} versions, ${shown} drawn: the first, last, lowest and highest of each run, and every version that served Production.`
        : `all ${total} versions.`}{' '}
      Shaded: while a version was in Production; dashed: its value, the bar to beat. Click a point to open the version.
    </>
  );
}
