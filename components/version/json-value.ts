import { formatValue } from '@/lib/registry/numbers';

/** A JSON value as one short line for a table cell (lib/registry/numbers.ts), a dash when there is none. */
export function formatJsonValue(value: unknown): string {
  return formatValue(value) ?? '—';
}

/** A JSON column that should hold an object; anything else (a list, a scalar, null) reads as empty. */
export function asJsonObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The features column: a list of `{ name, type }`; malformed entries are skipped rather than crashing the page. */
export function asFeatureList(value: unknown): { name: string; type: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const { name, type } = item as { name?: unknown; type?: unknown };
    return typeof name === 'string' ? [{ name, type: typeof type === 'string' ? type : formatJsonValue(type) }] : [];
  });
}
