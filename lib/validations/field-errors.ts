import type { z } from 'zod';

/** A form's errors: each named field's first zod issue, the rest ignored (a form shows one message a field). */
export function fieldErrors<K extends string>(error: z.ZodError | undefined, fields: readonly K[]): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const issue of error?.issues ?? []) {
    const key = issue.path[0];
    if (typeof key === 'string' && (fields as readonly string[]).includes(key)) errors[key as K] ??= issue.message;
  }
  return errors;
}
