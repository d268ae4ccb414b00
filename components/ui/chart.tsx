'use client';

import { ImageDown } from 'lucide-react';
import { useTheme } from 'next-themes';
import { useRef, useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import type { Stage } from '@/lib/registry/stages';
import { Button } from './button';
import { cx } from './cx';
import { downloadChartPng } from './download-chart-png';

/*
 * Every chart's colours and tooltip, defined once. Recharts draws plain SVG attributes, which cannot
 * follow CSS variables reliably (and an exported PNG cannot at all), so the palette is concrete per theme.
 */

export interface ChartTheme {
  surface: string;
  grid: string;
  axis: string;
  ink: string;
  muted: string;
  /** The baseline version: neutral, so the versions compared against it stand out. */
  baseline: string;
  better: string;
  worse: string;
  /** One colour per compared version, in order; distinct on light and dark surfaces. */
  series: readonly string[];
  stage: Record<Stage, string>;
  /** The Production colour dark (or light) enough for text on the surface: AA, 4.5:1. */
  productionText: string;
}

const SERIES = ['#6366f1', '#f59e0b', '#14b8a6', '#ec4899', '#0ea5e9', '#84cc16', '#8b5cf6', '#f97316', '#06b6d4', '#ef4444'] as const;
const STAGE = { testing: '#3b82f6', staging: '#f59e0b', production: '#10b981', archived: '#a1a1aa' } as const;

const LIGHT: ChartTheme = {
  surface: '#ffffff',
  grid: '#e4e4e7',
  axis: '#71717a',
  ink: '#18181b',
  muted: '#52525b',
  baseline: '#a1a1aa',
  better: '#059669',
  worse: '#dc2626',
  series: SERIES,
  stage: STAGE,
  productionText: '#047857',
};

const DARK: ChartTheme = {
  surface: '#18181b',
  grid: '#3f3f46',
  axis: '#a1a1aa',
  ink: '#f4f4f5',
  muted: '#a1a1aa',
  baseline: '#71717a',
  better: '#34d399',
  worse: '#f87171',
  series: SERIES,
  stage: { ...STAGE, archived: '#71717a' },
  productionText: '#34d399',
};

export function useChartTheme(): ChartTheme {
  return useTheme().resolvedTheme === 'dark' ? DARK : LIGHT;
}

/** Axis styling shared by every cartesian chart: `<XAxis {...axisProps(theme)} />`. */
export function axisProps(theme: ChartTheme) {
  return { stroke: theme.grid, tick: { fill: theme.axis, fontSize: 12 }, tickLine: false } as const;
}

export interface LegendItem {
  label: string;
  color: string;
  /** Drawn hollow: the baseline, or a marker rather than a series. */
  hollow?: boolean;
}

export function ChartLegend({ items, className }: { items: LegendItem[]; className?: string }) {
  return (
    <ul className={cx('flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted', className)} aria-label="Legend">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="size-2.5 rounded-sm"
            style={item.hollow ? { border: `2px solid ${item.color}` } : { backgroundColor: item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** The box every tooltip is drawn in; its content is the chart's own. */
export function ChartTooltipBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="max-w-xs rounded-md border border-line bg-surface px-3 py-2 text-xs text-ink shadow-lg">
      <p className="mb-1 font-semibold">{title}</p>
      {children}
    </div>
  );
}

interface ChartFigureProps {
  title: string;
  description?: ReactNode;
  /** Controls shown beside the PNG button (metric pickers, view toggles). */
  controls?: ReactNode;
  /** File name of the PNG, without extension. */
  fileName: string;
  legend?: LegendItem[];
  children: ReactNode;
  className?: string;
}

/**
 * A titled chart with its legend and a "PNG" button. The export draws every SVG inside the figure (one
 * chart, or a grid of small multiples) onto a canvas with the title and legend, in the current theme.
 */
export function ChartFigure({ title, description, controls, fileName, legend, children, className }: ChartFigureProps) {
  const plot = useRef<HTMLDivElement>(null);
  const theme = useChartTheme();
  const [busy, setBusy] = useState(false);

  async function exportPng() {
    if (!plot.current) return;
    setBusy(true);
    try {
      await downloadChartPng(plot.current, { fileName: `${fileName}.png`, title, legend: legend ?? [], theme });
    } catch {
      toast.error('Could not export the chart as an image.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <figure aria-label={title} className={cx('min-w-0', className)}>
      <figcaption className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-ink">{title}</h3>
          {description && <div className="mt-0.5 text-xs text-ink-muted">{description}</div>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {controls}
          <Button size="sm" onClick={exportPng} disabled={busy} aria-label={`Download “${title}” as PNG`}>
            <ImageDown aria-hidden className="size-3.5" /> PNG
          </Button>
        </div>
      </figcaption>
      <div ref={plot} className="mt-3">
        {children}
      </div>
      {legend && legend.length > 0 && <ChartLegend items={legend} className="mt-2" />}
    </figure>
  );
}
