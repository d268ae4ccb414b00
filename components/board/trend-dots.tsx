'use client';

import { DefaultZIndexes, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { TrendPoint } from '@/lib/db/queries/trend';
import type { ChartTheme } from '@/components/ui/chart';

/**
 * The versions as dots in their stage colour, ringed when they served Production; a click opens the
 * version. One plain SVG layer with the chart's scales: recharts' per-dot rendering cost ~0.5 s for the
 * 700-odd points of a 10,000-version model on this machine.
 */
export function TrendDots({ points, theme, onOpen }: { points: TrendPoint[]; theme: ChartTheme; onOpen: (point: TrendPoint) => void }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const dense = points.length > 150;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g className="trend-dots">
        {points.map((p) => (
          <circle
            key={p.number}
            cx={Number(x(p.number))}
            cy={Number(y(p.value))}
            r={dense ? (p.served ? 3 : 2.5) : p.served ? 5 : 4}
            fill={theme.stage[p.stage]}
            stroke={p.served ? theme.stage.production : theme.surface}
            strokeWidth={p.served && !dense ? 2 : 1}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(p)}
          />
        ))}
      </g>
    </ZIndexLayer>
  );
}
