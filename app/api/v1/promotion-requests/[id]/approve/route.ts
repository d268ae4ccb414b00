// POST /api/v1/promotion-requests/:id/approve – approve a promotion request (approvers; never the requester)
import { ZDecisionResult } from '@/lib/api-v1/schemas/requests';
import { modelOfRequest } from '@/lib/db/queries/requests';
import { route } from '@/lib/http/route';
import { decideRequest } from '@/lib/services/decide-request';
import { ZDecisionBody, ZRequestId } from '@/lib/validations/actions';

export const POST = route({
  summary: 'Approve a promotion request (not your own); the last approval needed deploys the version',
  description: 'With expectedProduction (the Production version you saw, or null), a Production that changed meanwhile answers 409.',
  permission: 'request.decide',
  scope: { model: (params) => modelOfRequest(params.id) },
  params: ZRequestId,
  body: ZDecisionBody,
  response: ZDecisionResult,
  errors: ['CONFLICT', 'GATE_FAILED'],
  handler: ({ actor, params, body }) => decideRequest(actor, { requestId: params.id, decision: 'approve', comment: body.comment, expectedProduction: body.expectedProduction }),
});
