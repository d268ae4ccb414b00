'use client';

import { useState } from 'react';
import { improvement } from '@/lib/registry/compare';
import { ChartFigure, useChartTheme, type LegendItem } from '@/components/ui/chart';
import { cx } from '@/components/ui/cx';
import { type CompareModel, versionColor, versionLabel, wholeSetRows } from './compare-model';
import { ImprovementChart } from './improvement-chart';
import { MetricPicker } from './metric-picker';
import { SmallMultiples } from './small-multiples';

type View = 'change' | 'values';

/** Charted at first; the rest are opt-in. */
const INITIAL_METRICS = 8;
/** One shared bar chart holds at most this many metric groups: beyond it bars get too thin to read (and slow to draw). */
const MAX_CHANGE_METRICS = 16;

/**
 * The metrics of one evaluation set, two ways. "Change vs baseline" puts every metric on one axis as a
 * percentage oriented so that up is better (AUC ≈ 0.9 and latency ≈ 90 ms side by side); "Values" gives
 * each metric its own small chart and axis. Never one shared axis across scales.
 */
export function MetricChart({ model, evaluationSet }: { model: CompareModel; evaluationSet: string }) {
  const theme = useChartTheme();
  const [view, setView] = useState<View>('change');
  const rows = wholeSetRows(model, evaluationSet);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? rows.slice(0, INITIAL_METRICS).map((r) => r.key);
  const picked = rows.filter((r) => selected.includes(r.key));
  const shown = view === 'change' ? picked.slice(0, MAX_CHANGE_METRICS) : picked;
  const { versions, baseline } = model.comparison;

  const legend: LegendItem[] = versions.map((v, i) => ({ label: versionLabel(v, v.id === baseline.id), color: versionColor(theme, i), hollow: i === 0 }));
  const unmeasured = shown.filter((r) => r.cells.slice(1).every((c) => improvement(c.delta, r.direction) === null)).map((r) => r.key);

  const controls = (
    <div role="group" aria-label="Chart view" className="inline-flex rounded-md border border-line-strong p-0.5">
      {(
        [
          ['change', 'Change vs baseline'],
          ['values', 'Values'],
        ] as const
      ).map(([value, label]) => (
        <button
          key={value}
          type="button"
          aria-pressed={view === value}
          onClick={() => setView(value)}
          className={cx('rounded px-2 py-1 text-xs font-medium', view === value ? 'bg-surface-muted text-ink' : 'text-ink-muted hover:text-ink')}
        >
          {label}
        </button>
      ))}
    </div>
  );

  return (
    <div className="space-y-4">
      <ChartFigure
        title={view === 'change' ? `Change vs baseline v${baseline.number}` : 'Metric values'}
        description={
          view === 'change'
            ? 'Percent change against the baseline, turned so that up is always better (lower latency counts as up). Hover a metric for values.'
            : `Each metric on its own axis; the dashed line is the baseline v${baseline.number}.`
        }
        controls={controls}
        fileName={`${model.model}-${view === 'change' ? 'change-vs-baseline' : 'metric-values'}`}
        legend={legend}
      >
        {shown.length === 0 ? (
          <p className="py-10 text-center text-sm text-ink-faint">Choose at least one metric below.</p>
        ) : view === 'change' ? (
          <ImprovementChart model={model} rows={shown} />
        ) : (
          <SmallMultiples model={model} rows={shown} />
        )}
      </ChartFigure>
      {view === 'change' && picked.length > shown.length && (
        <p className="text-xs text-ink-muted">
          Showing the first {MAX_CHANGE_METRICS} of {picked.length} chosen metrics; bars get too thin beyond that. The Values view shows all of them.
        </p>
      )}
      {view === 'change' && unmeasured.length > 0 && (
        <p className="text-xs text-ink-faint">
          No change shown for {unmeasured.join(', ')}: the baseline has no value (or it is 0), or the other versions lack it.
        </p>
      )}
      <MetricPicker rows={rows} selected={selected} onChange={setChosen} />
    </div>
  );
}
