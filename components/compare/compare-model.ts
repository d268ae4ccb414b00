import { buildComparison, type Comparison } from '@/lib/registry/compare';
import { diffParameters, type DiffRow } from '@/lib/registry/compare-params';
import type { CompareData, CompareVersionData } from '@/lib/db/queries/compare';
import { asFeatureList, asJsonObject } from '@/components/version/json-value';
import type { ChartTheme } from '@/components/ui/chart';

/** Everything the comparison page draws, derived once from the loaded versions. */
export interface CompareModel {
  model: string;
  comparison: Comparison<CompareVersionData>;
  params: DiffRow[];
}

export function buildCompareModel(data: CompareData): CompareModel {
  const comparison = buildComparison(data.versions, data.definitions);
  const params = diffParameters(
    comparison.versions.map((v) => ({
      ...v,
      hyperparameters: asJsonObject(v.hyperparameters),
      features: asFeatureList(v.features),
      environment: Object.fromEntries(Object.entries(asJsonObject(v.environment)).map(([k, value]) => [k, String(value)])),
    })),
  );
  return { model: data.model.name, comparison, params };
}

/** Version i's colour: the baseline (always first) is neutral, the others take the series palette. */
export function versionColor(theme: ChartTheme, index: number): string {
  return index === 0 ? theme.baseline : (theme.series[(index - 1) % theme.series.length] ?? theme.ink);
}

export function versionLabel(version: Pick<CompareVersionData, 'number'>, isBaseline: boolean): string {
  return isBaseline ? `v${version.number} (baseline)` : `v${version.number}`;
}

/** Whole-set rows of one evaluation set: what the chart and the delta table show. */
export function wholeSetRows(model: CompareModel, evaluationSet: string) {
  return model.comparison.rows.filter((r) => r.slice === '' && r.evaluationSet === evaluationSet);
}
