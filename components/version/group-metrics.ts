export interface MetricRow {
  key: string;
  value: number;
  evaluationSet: string;
  slice: string;
}

export interface MetricGroup {
  evaluationSet: string;
  metrics: { key: string; whole: MetricRow | null; slices: MetricRow[] }[];
}

/**
 * Metrics arrive as flat rows (set, key, slice); the page shows them per evaluation set, each metric's
 * whole-set value first with its slices beneath it. Order of first appearance is kept.
 */
export function groupMetrics(rows: MetricRow[]): MetricGroup[] {
  const sets = new Map<string, Map<string, { key: string; whole: MetricRow | null; slices: MetricRow[] }>>();
  for (const row of rows) {
    let keys = sets.get(row.evaluationSet);
    if (!keys) sets.set(row.evaluationSet, (keys = new Map()));
    let entry = keys.get(row.key);
    if (!entry) keys.set(row.key, (entry = { key: row.key, whole: null, slices: [] }));
    if (row.slice === '') entry.whole = row;
    else entry.slices.push(row);
  }
  return [...sets].map(([evaluationSet, keys]) => ({ evaluationSet, metrics: [...keys.values()] }));
}
