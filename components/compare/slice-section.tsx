'use client';

import { useState } from 'react';
import { LabelledSelect } from '@/components/ui/labelled-select';
import type { CompareModel } from './compare-model';
import { HiddenRegressions } from './hidden-regressions';
import { SliceHeatmap } from './slice-heatmap';

/** Per-slice metrics, so a regression the whole-set average hides shows at once. */
export function SliceSection({ model, evaluationSet }: { model: CompareModel; evaluationSet: string }) {
  const sliced = model.comparison.rows.filter((r) => r.slice !== '' && r.evaluationSet === evaluationSet);
  const keys = [...new Set(sliced.map((r) => r.key))];
  const primary = sliced.find((r) => r.isPrimary)?.key;
  const [chosen, setChosen] = useState<string | null>(null);
  const metric = chosen && keys.includes(chosen) ? chosen : (primary ?? keys[0] ?? null);

  if (!metric) return <p className="text-sm text-ink-faint">No per-slice metrics were recorded on this evaluation set.</p>;
  return (
    <div className="space-y-4">
      <HiddenRegressions model={model} evaluationSet={evaluationSet} onPick={setChosen} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-ink-muted">Cells are tinted by the change against the baseline in the same slice: green better, red worse, stronger = larger.</p>
        <LabelledSelect label="Metric" value={metric} onChange={(e) => setChosen(e.target.value)} options={keys.map((k) => ({ value: k, label: k }))} />
      </div>
      <SliceHeatmap model={model} evaluationSet={evaluationSet} metric={metric} />
    </div>
  );
}
