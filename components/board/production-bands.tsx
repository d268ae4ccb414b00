'use client';

import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { ProductionBand } from '@/lib/db/queries/trend';

export interface PlacedBand extends ProductionBand {
  x1: number;
  x2: number;
}

/** Bands narrower than this get no label: on a 10,000-version axis most periods are a few pixels wide. */
const MIN_LABEL_WIDTH = 22;
/** Below this average width, shading turns into stripes that say nothing; only the value step stays. */
const MIN_SHADED_WIDTH = 6;

/**
 * Production periods drawn as one plain SVG layer with the chart's own scales: a shaded band per period,
 * labelled when wide enough, and the serving version's value as a dashed step. When periods are too
 * narrow to shade meaningfully, only the step remains. A model can have hundreds
 * of periods; as separate ReferenceArea/ReferenceLine elements each would register with the chart's store
 * and re-render with it, which made the 10,000-version trend crawl.
 */
export function ProductionBands({ bands, color, labelColor }: { bands: PlacedBand[]; color: string; labelColor: string }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  const left = plot.x;
  const right = plot.x + plot.width;
  const clamp = (v: number) => Math.min(right, Math.max(left, v));
  const span = bands.reduce((sum, b) => sum + Math.abs(Number(x(b.x2)) - Number(x(b.x1))), 0);
  const shaded = bands.length > 0 && span / bands.length >= MIN_SHADED_WIDTH;
  return (
    // Above the grid (-100), under the line (400).
    <ZIndexLayer zIndex={-50}>
      <g aria-hidden className="production-bands">
        {bands.map((band, i) => {
          const from = clamp(Number(x(band.x1)));
          const to = clamp(Number(x(band.x2)));
          if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return null;
          const level = band.value === null ? null : Number(y(band.value));
          return (
            <g key={i}>
              {shaded && <rect x={from} y={plot.y} width={Math.max(to - from, 1)} height={plot.height} fill={color} fillOpacity={i % 2 ? 0.16 : 0.08} />}
              {level !== null && Number.isFinite(level) && level >= plot.y && level <= plot.y + plot.height && (
                <line x1={from} x2={to} y1={level} y2={level} stroke={color} strokeDasharray="4 3" strokeWidth={1.25} />
              )}
              {shaded && to - from >= MIN_LABEL_WIDTH && (
                <text x={(from + to) / 2} y={plot.y + 11} textAnchor="middle" fontSize={10} fill={labelColor}>
                  v{band.versionNumber}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </ZIndexLayer>
  );
}
