// POST /api/v1/models/:name/versions/:number/promotion-requests – open a promotion request for a Staging version
import { ZRequestCreated } from '@/lib/api-v1/schemas/requests';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { requestProduction } from '@/lib/services/request-production';
import { ZRequestProductionBody, ZVersionParams } from '@/lib/validations/actions';

export const POST = route({
  summary: 'Request promotion of a Staging version to Production',
  description: 'Production gates must pass now; approvers then decide. When the policy needs no approvals the version is deployed at once.',
  permission: 'version.request-production',
  scope: modelParam('name'),
  params: ZVersionParams,
  body: ZRequestProductionBody,
  response: ZRequestCreated,
  status: 201,
  errors: ['CONFLICT', 'INVALID_TRANSITION', 'GATE_FAILED'],
  handler: ({ actor, params, body }) => requestProduction(actor, { model: params.name, number: params.number, comment: body.comment }),
});
