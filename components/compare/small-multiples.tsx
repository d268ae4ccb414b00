'use client';

import { formatMetric } from '@/lib/registry';
import type { MetricRow } from '@/lib/registry/compare';
import { useChartTheme } from '@/components/ui/chart';
import { type CompareModel, versionColor } from './compare-model';

const W = 260;
const H = 130;
const PAD = { top: 10, right: 10, bottom: 22, left: 46 };

/**
 * One small chart per metric, each with its own axis: values as dots (a bar would start at zero and flatten
 * 0.91 vs 0.94 into the same height), the baseline as a dashed line across. Plain SVG rather than a
 * recharts chart each: forty charts of ten dots must not cost forty chart stores (that took seconds).
 */
export function SmallMultiples({ model, rows }: { model: CompareModel; rows: MetricRow[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {rows.map((row) => (
        <DotPlot key={row.key} model={model} row={row} />
      ))}
    </div>
  );
}

function DotPlot({ model, row }: { model: CompareModel; row: MetricRow }) {
  const theme = useChartTheme();
  const { versions } = model.comparison;
  const values = row.cells.map((c) => c.value).filter((v): v is number => v !== null);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.15 || Math.abs(high) * 0.05 || 1;
  const [y0, y1] = [low - pad, high + pad];
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (plotW * (i + 0.5)) / versions.length;
  const y = (v: number) => PAD.top + plotH * (1 - (v - y0) / (y1 - y0));
  const base = row.cells[0]?.value ?? null;
  const ticks = [y0 + pad, (y0 + y1) / 2, y1 - pad];

  return (
    <div className="min-w-0 rounded-md border border-line p-2">
      <p data-chart-label className="truncate font-mono text-xs text-ink" title={row.key}>
        {row.key} <span className="font-sans text-ink-faint">{row.direction === 'higher' ? '↑' : '↓'}</span>
      </p>
      <svg data-chart-svg viewBox={`0 0 ${W} ${H}`} className="mt-1 h-auto w-full" role="img" aria-label={`${row.key} per version`}>
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke={theme.grid} />
            <text x={PAD.left - 4} y={y(t) + 3} textAnchor="end" fontSize={9} fill={theme.axis}>
              {formatMetric(t)}
            </text>
          </g>
        ))}
        {base !== null && <line x1={PAD.left} x2={W - PAD.right} y1={y(base)} y2={y(base)} stroke={theme.baseline} strokeDasharray="4 3" strokeWidth={1.5} />}
        {versions.map((v, i) => {
          const cell = row.cells[i]!;
          return (
            <g key={v.id}>
              <text x={x(i)} y={H - 6} textAnchor="middle" fontSize={9} fill={theme.axis}>
                v{v.number}
              </text>
              {cell.value !== null && (
                <circle cx={x(i)} cy={y(cell.value)} r={4.5} fill={versionColor(theme, i)} stroke={theme.surface} strokeWidth={1}>
                  <title>{`v${v.number}${i === 0 ? ' (baseline)' : ''}: ${formatMetric(cell.value)}`}</title>
                </circle>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
