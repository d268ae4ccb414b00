// POST /api/v1/promotion-requests/:id/reject – reject a promotion request with a reason (closes it)
import { ZDecisionResult } from '@/lib/api-v1/schemas/requests';
import { modelOfRequest } from '@/lib/db/queries/requests';
import { route } from '@/lib/http/route';
import { decideRequest } from '@/lib/services/decide-request';
import { ZRejectBody, ZRequestId } from '@/lib/validations/actions';

export const POST = route({
  summary: 'Reject a promotion request (not your own); a rejection closes it',
  permission: 'request.decide',
  scope: { model: (params) => modelOfRequest(params.id) },
  params: ZRequestId,
  body: ZRejectBody,
  response: ZDecisionResult,
  errors: ['CONFLICT'],
  handler: ({ actor, params, body }) => decideRequest(actor, { requestId: params.id, decision: 'reject', comment: body.comment }),
});
