// POST /api/v1/promotion-requests/:id/cancel – the requester (or an admin) withdraws a pending request
import { ZCancelResult } from '@/lib/api-v1/schemas/requests';
import { modelOfRequest } from '@/lib/db/queries/requests';
import { route } from '@/lib/http/route';
import { cancelRequest } from '@/lib/services/cancel-request';
import { ZDecisionBody, ZRequestId } from '@/lib/validations/actions';

export const POST = route({
  summary: 'Withdraw your own promotion request (admins: anyone’s)',
  // Withdrawing is part of requesting; the service also checks that the caller is the requester or an admin.
  permission: 'version.request-production',
  scope: { model: (params) => modelOfRequest(params.id) },
  params: ZRequestId,
  body: ZDecisionBody,
  response: ZCancelResult,
  errors: ['CONFLICT'],
  handler: ({ actor, params, body }) => cancelRequest(actor, { requestId: params.id, comment: body.comment }),
});
