import { z } from 'zod';
import { SIMPLE_MOVES } from '@/lib/registry';
import { ZReason } from './common';
import { ZStage } from './version';

export const ZVersionParams = z.object({
  name: z.string().min(1).max(128),
  number: z.coerce.number().int().positive().max(2_147_483_647),
});

export const ZSimpleMove = z.enum(SIMPLE_MOVES);

export const ZMoveBody = z.object({
  /** The stage the client saw; a mismatch answers 409 instead of acting on a stale board. */
  expectedStage: ZStage.optional(),
  reason: z.string().trim().max(2000).optional(),
  overrideJustification: z.string().trim().min(10, 'An override needs a written justification (at least 10 characters).').max(2000).optional(),
});

export const ZRequestProductionBody = z.object({
  comment: z.string().trim().min(3, 'Tell the approvers why (at least 3 characters).').max(2000),
});

/** POST /api/v1/models/:name/versions/:number/canary-requests */
export const ZCanaryRequestBody = z.object({
  weight: z.number({ error: 'Give the share of traffic in percent, e.g. "weight": 10.' }),
  comment: z.string().trim().min(3, 'Tell the approvers why (at least 3 characters).').max(2000),
});

export const ZRedirectParams = z.object({ name: z.string().min(1).max(128), oldName: z.string().min(1).max(128) });

export const ZOverrideBody = z.object({
  justification: z.string().trim().min(10, 'An override needs a written justification (at least 10 characters).').max(2000),
});

export const ZDecisionBody = z.object({
  comment: z.string().trim().max(2000).default(''),
  /** Production version number the approver saw (null: none). */
  expectedProduction: z.number().int().positive().nullable().optional(),
});

export const ZRejectBody = z.object({ comment: ZReason });

export const ZRollbackBody = z.object({
  reason: ZReason,
  expectedVersion: z.number().int().positive().optional(),
});

export const ZRequestId = z.object({ id: z.string().min(1).max(64) });

/** PUT /api/v1/models/:name/owner – hand a model to another owner, named by email. */
export const ZModelOwnerBody = z.object({ owner: z.email('The new owner is named by email.').max(320) }).strict();
