import { z } from 'zod';
import { ZDateTime } from './common';

export const ZPortfolioItem = z
  .object({
    key: z.string().meta({ description: '"model" or "model/v3"' }),
    model: z.string(),
    version: z.number().int().nullable(),
    outcome: z.enum(['pending', 'changed', 'unchanged', 'refused']).meta({ description: 'In a preview, changed means "would change".' }),
    code: z.string().nullable().meta({ description: 'Why it was refused: the error code its one-item endpoint answers (FORBIDDEN, NOT_FOUND, INVALID_TRANSITION, CONFLICT…)' }),
    reason: z.string().nullable().meta({ description: 'The refusal, or why nothing was to do, in words' }),
    before: z.string().nullable(),
    after: z.string().nullable(),
    events: z.array(z.string()).meta({ description: 'The audit events its change writes (in a preview: would write, read from the rolled-back transaction), e.g. version.archived, promotion.cancelled' }),
  })
  .meta({ id: 'PortfolioItem' });

const ZCounts = z.object({ pending: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), refused: z.number().int() });

export const ZPortfolioPreview = z.object({ total: z.number().int(), counts: ZCounts, items: z.array(ZPortfolioItem) }).meta({ id: 'PortfolioPreview' });

export const ZPortfolioOperation = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done']),
    actor: z.string(),
    action: z.record(z.string(), z.unknown()),
    selection: z.record(z.string(), z.unknown()),
    createdAt: ZDateTime,
    finishedAt: ZDateTime.nullable(),
    total: z.number().int(),
    counts: ZCounts,
    items: z.array(ZPortfolioItem),
  })
  .meta({ id: 'PortfolioOperation' });
