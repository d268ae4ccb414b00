import { z } from 'zod';
import { STAGES, ZRetentionRule } from '@/lib/registry';

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

/** Path parameters. Model names are matched as given (an odd one is simply not found). */
export const ZModelParams = z.object({ name: z.string().min(1).max(128).meta({ description: 'Model name' }) });
export const ZAliasParams = ZModelParams.extend({ alias: z.string().min(1).max(255).meta({ description: 'Alias, e.g. champion' }) });

/** PUT /api/v1/models/:name/traffic */
export const ZSplitBody = z.object({
  routes: z.array(z.object({ version: z.number().int().positive(), weight: z.number() })).max(10),
});

/** POST /api/v1/models/:name/health */
export const ZHealthBody = z
  .object({
    version: z.number().int().positive().optional(),
    healthy: z.boolean().optional(),
    reason: z.string().trim().max(1000).optional(),
    metrics: z.record(z.string().max(100), z.number().finite()).optional(),
  })
  .refine((b) => b.healthy !== undefined || (b.metrics && Object.keys(b.metrics).length > 0), 'Send healthy: true|false, or metric samples.');

/** GET /api/v1/models/:name/route */
export const ZRouteQuery = z.object({ key: z.string().min(1, 'Give the routing key, e.g. ?key=<user id>.').max(500) });

/** POST /api/v1/models/:name/versions: retries with the same key return the same version. */
export const ZIdempotencyHeaders = z.object({ 'idempotency-key': z.string().trim().min(1).max(200).optional() });

/** GET /api/v1/promotion-requests */
export const ZPendingRequestsQuery = z.object({
  model: z.string().max(128).optional(),
  /** The id of the last request already shown (oldest first). */
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** POST /api/v1/models/:name/retention/preview — a rule to try before saving it. */
export const ZRetentionPreviewBody = z.object({ rule: ZRetentionRule });

/** POST /api/v1/models/:name/retention/run */
export const ZRetentionRunBody = z.object({
  /** The version numbers the preview said it would archive; a pass that would now archive others answers 409. */
  expectedArchive: z.array(z.number().int().positive()).max(10_000).optional(),
});
