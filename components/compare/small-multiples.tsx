'use client';

import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetric } from '@/lib/registry';
import type { MetricRow } from '@/lib/registry/compare';
import { axisProps, useChartTheme } from '@/components/ui/chart';
import { type CompareModel, versionColor } from './compare-model';
import { MetricTooltip } from './improvement-chart';

/**
 * One small chart per metric, each with its own axis: values as dots (a bar would start at zero and flatten
 * 0.91 vs 0.94 into the same height), the baseline as a dashed line across.
 */
export function SmallMultiples({ model, rows }: { model: CompareModel; rows: MetricRow[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {rows.map((row) => (
        <SmallMultiple key={row.key} model={model} row={row} />
      ))}
    </div>
  );
}

function SmallMultiple({ model, row }: { model: CompareModel; row: MetricRow }) {
  const theme = useChartTheme();
  const { versions } = model.comparison;
  const points = versions.flatMap((v, i) => {
    const value = row.cells[i]?.value;
    return value === null || value === undefined ? [] : [{ label: `v${v.number}`, value, color: versionColor(theme, i) }];
  });
  const base = row.cells[0]?.value ?? null;
  return (
    <div className="min-w-0 rounded-md border border-line p-2">
      <p data-chart-label className="truncate font-mono text-xs text-ink" title={row.key}>
        {row.key} <span className="font-sans text-ink-faint">{row.direction === 'higher' ? '↑' : '↓'}</span>
      </p>
      <ScatterChart responsive style={{ width: '100%', height: 150 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis type="category" dataKey="label" allowDuplicatedCategory={false} {...axisProps(theme)} tick={{ fill: theme.axis, fontSize: 10 }} interval={0} />
        <YAxis type="number" dataKey="value" domain={['auto', 'auto']} {...axisProps(theme)} tick={{ fill: theme.axis, fontSize: 10 }} width="auto" tickFormatter={(v: number) => formatMetric(v)} />
        {base !== null && <ReferenceLine y={base} stroke={theme.baseline} strokeDasharray="4 3" />}
        <Tooltip content={({ active }) => (active ? <MetricTooltip row={row} versions={versions} theme={theme} /> : null)} cursor={false} isAnimationActive={false} />
        <Scatter
          data={points}
          isAnimationActive={false}
          shape={({ cx, cy, payload }) => (cx === undefined || cy === undefined ? <g /> : <circle cx={cx} cy={cy} r={5} fill={(payload as { color: string }).color} stroke={theme.surface} strokeWidth={1} />)}
        />
      </ScatterChart>
    </div>
  );
}
