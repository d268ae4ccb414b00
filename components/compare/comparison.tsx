'use client';

import { useMemo, useState } from 'react';
import type { CompareData } from '@/lib/db/queries/compare';
import { SectionCard } from '@/components/ui/card';
import { LabelledSelect } from '@/components/ui/labelled-select';
import { buildCompareModel } from './compare-model';
import { CompareHeader } from './compare-header';
import { DeltaTable } from './delta-table';
import { EvaluationSetNotice } from './evaluation-set-notice';
import { MetricChart } from './metric-chart';
import { ParamsDiff } from './params-diff';
import { SliceSection } from './slice-section';

/**
 * The comparison page's body. The matrix is built here from the raw metrics (a few hundred KB at most
 * for 10 versions × 40 metrics × 10 slices), rather than shipping the built matrix, which is larger.
 */
export function Comparison({ data }: { data: CompareData }) {
  const model = useMemo(() => buildCompareModel(data), [data]);
  const { comparison } = model;
  const defaultSet = comparison.sharedEvaluationSets[0] ?? comparison.evaluationSets[0]?.evaluationSet ?? null;
  const [evaluationSet, setEvaluationSet] = useState(defaultSet);
  const sets = comparison.evaluationSets.map((s) => s.evaluationSet);

  const setPicker =
    sets.length > 1 && evaluationSet ? (
      <LabelledSelect label="Evaluation set" value={evaluationSet} onChange={(e) => setEvaluationSet(e.target.value)} options={sets.map((s) => ({ value: s, label: s }))} />
    ) : null;

  return (
    <div className="space-y-6">
      <CompareHeader model={model} />
      <EvaluationSetNotice comparison={comparison} />
      {evaluationSet === null ? (
        <SectionCard title="Metrics">
          <p className="text-sm text-ink-faint">None of these versions has recorded metrics, so there is nothing to chart.</p>
        </SectionCard>
      ) : (
        <>
          <SectionCard title="Metrics" action={setPicker}>
            <MetricChart model={model} evaluationSet={evaluationSet} />
          </SectionCard>
          <SectionCard title="Metric deltas">
            <DeltaTable model={model} evaluationSet={evaluationSet} />
          </SectionCard>
          <SectionCard title="Slices">
            <SliceSection model={model} evaluationSet={evaluationSet} />
          </SectionCard>
        </>
      )}
      <SectionCard title="Parameters and metadata">
        <ParamsDiff model={model} />
      </SectionCard>
    </div>
  );
}
