import { z } from 'zod';
import { ZDateTime, ZGateResult } from './common';

export const ZPromotionRequest = z
  .object({
    id: z.string(),
    kind: z.enum(['production', 'canary']).meta({ description: 'A Production request, or a canary request for canaryWeight % of traffic beside Production' }),
    canaryWeight: z.number().nullable(),
    model: z.string(),
    version: z.object({ number: z.number().int(), semver: z.string() }),
    requester: z.object({ id: z.string(), name: z.string() }),
    separation: z
      .object({ requesterIds: z.array(z.string()), authorIds: z.array(z.string()), authorMayApprove: z.boolean() })
      .meta({ description: "Who may not decide: the requester and (unless the policy allows it) the version's authors" }),
    comment: z.string(),
    createdAt: ZDateTime,
    requiredApprovals: z.number().int(),
    approvals: z.array(z.object({ name: z.string(), at: ZDateTime, comment: z.string() })),
    production: z.object({ number: z.number().int(), semver: z.string() }).nullable(),
    gates: z.array(ZGateResult).meta({ description: 'Gates as they stand now (the baseline may have moved since the request).' }),
    comparison: z.array(z.object({ key: z.string(), direction: z.enum(['higher', 'lower']), candidate: z.number().nullable(), production: z.number().nullable(), better: z.boolean().nullable() })),
  })
  .meta({ id: 'PromotionRequest' });

export const ZPromotionRequestPage = z
  .object({ requests: z.array(ZPromotionRequest), nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page (oldest first); null at the end.' }) })
  .meta({ id: 'PromotionRequestPage' });

/** The request as opened: its id to approve or cancel it with, and what it asks for. */
const ZCreatedRequest = z.object({
  id: z.string(),
  kind: z.enum(['production', 'canary']),
  canaryWeight: z.number().nullable(),
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']),
  requiredApprovals: z.number().int(),
  comment: z.string(),
  createdAt: ZDateTime,
});

export const ZRequestCreated = z
  .object({
    request: ZCreatedRequest,
    deployed: z.boolean().meta({ description: 'True when the policy needs no approvals and the version went to Production at once.' }),
  })
  .meta({ id: 'RequestCreated' });

export const ZCanaryRequestCreated = z
  .object({
    request: ZCreatedRequest,
    applied: z.boolean().meta({ description: 'True when the policy needs no approvals and the share applies at once.' }),
  })
  .meta({ id: 'CanaryRequestCreated' });

export const ZDecisionResult = z
  .object({
    status: z.enum(['pending', 'approved', 'rejected']),
    deployed: z.boolean(),
    canary: z.object({ version: z.number().int(), weight: z.number(), approvedBy: z.array(z.string()) }).optional().meta({ description: 'The share that applies, when this approval completed a canary request' }),
    approvals: z.number().int().optional(),
    required: z.number().int().optional(),
  })
  .meta({ id: 'DecisionResult' });

export const ZCancelResult = z.object({ status: z.literal('cancelled') }).meta({ id: 'CancelResult' });
