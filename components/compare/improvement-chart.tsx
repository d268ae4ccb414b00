'use client';

import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetric } from '@/lib/registry';
import { improvement, type MetricRow } from '@/lib/registry/compare';
import { axisProps, ChartTooltipBox, useChartTheme, type ChartTheme } from '@/components/ui/chart';
import { useNarrowScreen } from '@/components/ui/use-narrow-screen';
import { type CompareModel, versionColor } from './compare-model';
import { DeltaText } from './delta-text';

const percent = (value: number) => `${value > 0 ? '+' : ''}${Number(value.toFixed(2))}%`;

/** Grouped bars: one group per metric, one bar per compared version, height = improvement over the baseline. */
export function ImprovementChart({ model, rows }: { model: CompareModel; rows: MetricRow[] }) {
  const theme = useChartTheme();
  // On a phone five metric names side by side overlap; slanted, each keeps its own room.
  const narrow = useNarrowScreen();
  const { versions, baseline } = model.comparison;
  const others = versions.slice(1);
  const data = rows.map((row) => {
    const datum: Record<string, string | number | null> = { key: row.key };
    others.forEach((v, i) => {
      const value = improvement(row.cells[i + 1]!.delta, row.direction);
      datum[v.id] = value === null ? null : value * 100;
    });
    return datum;
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));

  return (
    <BarChart
      responsive
      data={data}
      style={{ width: '100%', height: 320 }}
      margin={{ top: 16, right: 8, bottom: 8, left: 0 }}
      barCategoryGap="18%"
      accessibilityLayer
    >
      <CartesianGrid vertical={false} stroke={theme.grid} />
      <XAxis
        dataKey="key"
        {...axisProps(theme)}
        interval={0}
        tick={{ fill: theme.axis, fontSize: 11, ...(narrow ? { textAnchor: 'end' } : {}) }}
        {...(narrow ? { angle: -35, height: 72 } : {})}
      />
      {/* The zero line is the baseline; its tick says so rather than a label that could sit on a bar. */}
      <YAxis {...axisProps(theme)} width="auto" tickFormatter={(v: number) => (v === 0 ? `v${baseline.number}` : percent(v))} />
      <ReferenceLine y={0} stroke={theme.baseline} strokeWidth={2} />
      <Tooltip
        content={({ active, label }) => (active ? <MetricTooltip row={byKey.get(String(label))} versions={versions} theme={theme} /> : null)}
        cursor={{ fill: theme.grid, fillOpacity: 0.35 }} isAnimationActive={false} />
      {others.map((v, i) => (
        <Bar key={v.id} dataKey={v.id} name={`v${v.number}`} fill={versionColor(theme, i + 1)} isAnimationActive={false} radius={[2, 2, 0, 0]} maxBarSize={28} />
      ))}
    </BarChart>
  );
}

/** Every version's value of one metric, with its delta against the baseline (the first version). */
export function MetricTooltip({ row, versions, theme }: { row: MetricRow | undefined; versions: CompareModel['comparison']['versions']; theme: ChartTheme }) {
  if (!row) return null;
  return (
    <ChartTooltipBox title={<span className="font-mono">{row.key}{row.slice && ` · ${row.slice}`}</span>}>
      <p className="mb-1 text-ink-faint">{row.direction === 'higher' ? 'higher is better' : 'lower is better'}</p>
      <table>
        <tbody>
          {versions.map((v, i) => {
            const cell = row.cells[i]!;
            return (
              <tr key={v.id}>
                <th scope="row" className="pr-2 text-left font-medium" style={{ color: versionColor(theme, i) }}>
                  v{v.number}
                  {i === 0 && ' (baseline)'}
                </th>
                <td className="pr-2 text-right font-mono tabular-nums">{formatMetric(cell.value)}</td>
                <td className="text-right">{i > 0 && <DeltaText delta={cell.delta} direction={row.direction} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ChartTooltipBox>
  );
}
