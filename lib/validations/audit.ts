import { z } from 'zod';
import { AUDIT_ACTION_NAMES } from '@/lib/registry';

const ZDate = z
  .string()
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Use an ISO date or date-time, e.g. 2026-11-01 or 2026-11-01T12:00:00Z.')
  .transform((v) => new Date(v));

/** Filters shared by the timeline, its API and the export. Empty strings from forms count as absent. */
export const ZAuditFilters = z.object({
  model: z.string().trim().max(128).optional(),
  actor: z.string().trim().max(320).optional(),
  action: z.enum(AUDIT_ACTION_NAMES as [string, ...string[]]).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type AuditFilters = z.infer<typeof ZAuditFilters>;

export const ZAuditPageQuery = ZAuditFilters.extend({
  /** The id of the last event already shown; the next page continues below it (keyset, no OFFSET). */
  before: z
    .string()
    .regex(/^\d{1,19}$/, 'before must be an event id')
    .transform((v) => BigInt(v))
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZExportQuery = ZAuditFilters.extend({ format: z.enum(['csv', 'ndjson']).default('csv') });

/** Drops empty strings (what an untouched form field sends) before parsing. */
export function withoutEmpty(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params.entries()].filter(([, v]) => v.trim() !== ''));
}
