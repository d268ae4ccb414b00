'use client';

import { useRouter } from 'next/navigation';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetric } from '@/lib/registry/numbers';
import { STAGE_LABELS } from '@/lib/registry/stages';
import type { TrendData, TrendPoint } from '@/lib/db/queries/trend';
import { axisProps, ChartTooltipBox, useChartTheme } from '@/components/ui/chart';
import { formatExactTime } from '@/components/ui/time-format';
import { ProductionBands, type PlacedBand } from './production-bands';
import { TrendDots } from './trend-dots';

/** The line itself: points by stage, Production periods as bands, each period's value as a dashed segment. */
export function TrendChart({ model, trend }: { model: string; trend: TrendData }) {
  const theme = useChartTheme();
  const router = useRouter();
  const open = (point: TrendPoint) => router.push(`/models/${encodeURIComponent(model)}/versions/${point.number}`);
  const first = trend.points[0]?.number ?? 1;
  const last = trend.points[trend.points.length - 1]?.number ?? first;
  // Whole version numbers from the first to the last; recharts' own "nice" ticks can land past the data (v10001).
  const ticks = [...new Set(Array.from({ length: 5 }, (_, i) => Math.round(first + ((last - first) * i) / 4)))];
  const bands = trend.periods.flatMap((p): PlacedBand[] => {
    if (p.fromNumber === null || p.toNumber === null) return [];
    // Versions from+1…to were registered during the period, so it spans the gaps around them. A period in which
    // nothing was registered (a quick rollback) keeps a sliver, so it does not vanish.
    const empty = p.toNumber === p.fromNumber;
    return [{ ...p, x1: p.fromNumber + (empty ? 0.35 : 0.5), x2: p.toNumber + (empty ? 0.65 : 0.5) }];
  });

  return (
    <LineChart responsive data={trend.points} style={{ width: '100%', height: 300 }} margin={{ top: 20, right: 16, bottom: 4, left: 0 }} accessibilityLayer>
      <CartesianGrid vertical={false} stroke={theme.grid} />
      <XAxis type="number" dataKey="number" domain={[(min: number) => min - 0.5, (max: number) => max + 0.5]} ticks={ticks} {...axisProps(theme)} tickFormatter={(n: number) => `v${n}`} />
      <YAxis type="number" domain={['auto', 'auto']} {...axisProps(theme)} width="auto" tickFormatter={(v: number) => formatMetric(v)} />
      <ProductionBands bands={bands} color={theme.stage.production} labelColor={theme.productionText} />
      <TrendDots points={trend.points} theme={theme} onOpen={open} />
      <Tooltip content={({ active, payload }) => (active ? <PointTooltip point={payload?.[0]?.payload as TrendPoint | undefined} /> : null)} isAnimationActive={false} />
      <Line
        type="linear"
        dataKey="value"
        stroke={theme.grid}
        strokeWidth={1.5}
        isAnimationActive={false}
        dot={false}
        activeDot={({ cx, cy, payload }) => (
          <circle cx={cx} cy={cy} r={7} fill={theme.stage[(payload as TrendPoint).stage]} stroke={theme.ink} strokeWidth={1.5} style={{ cursor: 'pointer' }} onClick={() => open(payload as TrendPoint)} />
        )}
      />
    </LineChart>
  );
}

function PointTooltip({ point }: { point: TrendPoint | undefined }) {
  if (!point) return null;
  return (
    <ChartTooltipBox
      title={
        <>
          v{point.number} <span className="font-mono font-normal text-ink-muted">{point.semver}</span>
        </>
      }
    >
      <p className="font-mono text-sm tabular-nums">{formatMetric(point.value)}</p>
      <p className="text-ink-muted">
        {STAGE_LABELS[point.stage]}
        {point.served && point.stage !== 'production' && ' · served Production before'}
      </p>
      <p className="text-ink-faint">Registered {formatExactTime(point.createdAt)}</p>
    </ChartTooltipBox>
  );
}
