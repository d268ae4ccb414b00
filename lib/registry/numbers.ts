// How numbers read on screen: one home for metrics, parameters and percentages, so no page shows float
// noise (`eta 0.09000000000000001`) while another rounds the same value.

/**
 * A number as it was meant: binary float noise rounded off at 12 significant digits (0.1 + 0.2 reads 0.3,
 * 0.09000000000000001 reads 0.09), more than any recorded parameter carries. Otherwise exact.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

/**
 * A parameter or other JSON value as one short line: strings bare, numbers through formatNumber, anything
 * else as compact JSON with its numbers cleaned the same way. Null when there is no value.
 */
export function formatValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(12)) : v));
}

/** Formats a metric value compactly: 0.9312, 118.4, 12,034; a dash when there is none. */
export function formatMetric(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs !== 0 && abs < 0.001) return value.toExponential(2);
  if (abs < 10) return value.toFixed(4).replace(/\.?0+$/, '') || '0';
  if (abs < 1000) return value.toFixed(1).replace(/\.0$/, '');
  return Math.round(value).toLocaleString('en-US');
}

/** A ratio as a percentage: one decimal under 10 %, whole above; `signed` adds + or − (a change). */
export function formatPercent(ratio: number, options: { signed?: boolean } = {}): string {
  const pct = Math.abs(ratio) * 100;
  const text = `${pct < 10 ? pct.toFixed(1) : Math.round(pct)}%`;
  if (!options.signed) return ratio < 0 ? `−${text}` : text;
  return `${ratio > 0 ? '+' : '−'}${text}`;
}
