'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { SectionCard } from '@/components/ui/card';
import { ChartFigure, useChartTheme, type LegendItem } from '@/components/ui/chart';
import { LabelledSelect } from '@/components/ui/labelled-select';
import { Skeleton } from '@/components/ui/skeleton';
import { STAGES, STAGE_LABELS } from '@/lib/registry/stages';
import { useMetricTrend } from '@/lib/queries/use-metric-trend';
import { LoadError } from './load-states';

// The chart (recharts, the largest library the board uses) sits below the fold: it loads after the board,
// behind a placeholder of its height, and is never rendered on the server.
const TrendChart = dynamic(() => import('./trend-chart').then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[300px] w-full" />,
});

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
      <LabelledSelect
        label="Metric"
        value={trend.metric.key}
        onChange={(e) => {
          setMetric(e.target.value);
          setEvaluationSet(null);
        }}
        options={trend.metrics.map((m) => ({ value: m.key, label: m.isPrimary ? `${m.key} (primary)` : m.key }))}
      />
      {trend.evaluationSets.length > 1 && trend.evaluationSet && (
        <LabelledSelect
          label="Evaluation set"
          value={trend.evaluationSet}
          onChange={(e) => setEvaluationSet(e.target.value)}
          options={trend.evaluationSets.map((s) => ({ value: s.name, label: `${s.name} (${s.versions})` }))}
        />
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
        <div role="status" aria-busy="true" aria-label="Loading trend" className="space-y-3">
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
