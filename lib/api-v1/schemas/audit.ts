import { z } from 'zod';
import { ZDateTime } from './common';

export const ZAuditEvent = z
  .object({
    id: z.string(),
    at: ZDateTime,
    actor: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    model: z.string().nullable(),
    version: z.number().int().nullable(),
    fromStage: z.string().nullable(),
    toStage: z.string().nullable(),
    comment: z.string().nullable(),
    override: z.boolean(),
    data: z.unknown().meta({ description: 'The event payload, per action (JSON)' }),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const ZAuditPage = z
  .object({ events: z.array(ZAuditEvent), nextBefore: z.string().nullable().meta({ description: 'Pass as `before` for the next page; null at the end.' }) })
  .meta({ id: 'AuditPage' });
