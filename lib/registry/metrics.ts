import { formatMetric } from './numbers';

export type MetricDirection = 'higher' | 'lower';

export interface MetricDelta {
  /** candidate − baseline, or null when either side is missing. */
  absolute: number | null;
  /** relative change vs baseline, or null when the baseline is 0 or missing. */
  relative: number | null;
  /** whether the change is good for this metric's direction; null when unknown or equal. */
  better: boolean | null;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function metricDelta(
  candidate: number | null | undefined,
  baseline: number | null | undefined,
  direction: MetricDirection,
): MetricDelta {
  if (!isNumber(candidate) || !isNumber(baseline)) return { absolute: null, relative: null, better: null };
  const absolute = candidate - baseline;
  const relative = baseline === 0 ? null : absolute / Math.abs(baseline);
  const better = absolute === 0 ? null : direction === 'higher' ? absolute > 0 : absolute < 0;
  return { absolute, relative, better };
}

export function formatDelta(delta: MetricDelta): string {
  if (delta.absolute === null) return '';
  const sign = delta.absolute > 0 ? '+' : delta.absolute < 0 ? '−' : '±';
  return `${sign}${formatMetric(Math.abs(delta.absolute))}`;
}

const LOWER_IS_BETTER = /(loss|error|err$|rmse|mse|mae|mape|latency|_ms$|duration|memory|size|_mb$|_bytes$|fpr|false_pos|false_neg|brier|log_?loss|perplexity|drift)/i;

/** A sensible default direction for a metric first seen at registration; admins can change it later. */
export function guessDirection(key: string): MetricDirection {
  return LOWER_IS_BETTER.test(key) ? 'lower' : 'higher';
}
