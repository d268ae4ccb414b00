import { z } from 'zod';
import { DECISION_ACTIONS } from '@/lib/registry';

/**
 * One queued e-mail (task send_email): whom, and what about. The message itself is written when it is
 * sent, from the database as it is then; `key` is the job's key and the sent log's (one message per key).
 */
export const ZEmailJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new_request'), key: z.string(), userId: z.string(), requestId: z.string() }),
  z.object({ kind: z.literal('reminder'), key: z.string(), userId: z.string(), requestId: z.string(), round: z.number().int().min(1) }),
  z.object({
    kind: z.literal('decision'),
    key: z.string(),
    userId: z.string(),
    requestId: z.string(),
    action: z.enum(DECISION_ACTIONS),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    comment: z.string().nullable(),
  }),
  z.object({ kind: z.literal('mention'), key: z.string(), userId: z.string(), commentId: z.string(), actorId: z.string().nullable() }),
]);
export type EmailJob = z.infer<typeof ZEmailJob>;

export const SEND_EMAIL_TASK = 'send_email' as const;
