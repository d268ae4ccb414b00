import type { z } from 'zod';

/** Unwraps optional/default/nullable to see whether a query field takes several values. */
function isArrayField(schema: unknown): boolean {
  let def = (schema as { _zod?: { def?: { type?: string; innerType?: unknown } } } | undefined)?._zod?.def;
  while (def && ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(def.type ?? '')) {
    def = (def.innerType as { _zod?: { def?: { type?: string; innerType?: unknown } } } | undefined)?._zod?.def;
  }
  return def?.type === 'array';
}

/**
 * The query string as an object for `schema`: empty values (an untouched form field) count as absent,
 * array fields get every value, and a repeated scalar stays an array so the schema refuses it.
 */
export function queryObject(search: URLSearchParams, schema: z.ZodType): Record<string, string | string[]> {
  const shape = (schema as { shape?: Record<string, unknown> }).shape ?? {};
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    out[key] = isArrayField(shape[key]) || values.length > 1 ? values : values[0]!;
  }
  return out;
}
