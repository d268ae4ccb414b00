import { z } from 'zod';
import { STAGES } from '@/lib/registry';

// Query schemas of API v1, shared by the handlers and the OpenAPI document.

export const METRIC_FILTER = /^([\w.:/-]{1,100})(>=|<=|>|<|=)(-?\d+(?:\.\d+)?(?:e-?\d+)?)$/i;

export const ZSearchVersionsQuery = z.object({
  stage: z.enum(STAGES).optional(),
  /** `key` or `key=value`. */
  tag: z.string().max(300).optional(),
  alias: z.string().max(100).optional(),
  /** One or more, e.g. `auc>=0.9`, `latency_p95_ms<120` (whole evaluation set). */
  metric: z.array(z.string().regex(METRIC_FILTER, 'Metric filters look like auc>=0.9')).max(10).default([]),
  /** Continue below this version number (from `nextCursor`). */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SearchVersionsQuery = z.infer<typeof ZSearchVersionsQuery>;


export const ZResolveQuery = z
  .object({ stage: z.enum(['production', 'staging']).optional(), alias: z.string().min(1).max(100).optional() })
  .refine((q) => (q.stage ? 1 : 0) + (q.alias ? 1 : 0) === 1, 'Give exactly one of stage or alias.');


/** PUT /api/v1/models/:name/aliases/:alias */
export const ZSetAliasBody = z.object({ version: z.number().int().positive() });
