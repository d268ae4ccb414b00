// POST /api/v1/models/:name/versions/:number/canary-requests – ask approvers for a share of traffic beside Production ({ weight, comment })
import { ZCanaryRequestCreated } from '@/lib/api-v1/schemas/requests';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { requestCanary } from '@/lib/services/request-canary';
import { ZCanaryRequestBody, ZVersionParams } from '@/lib/validations/actions';

export const POST = route({
  summary: 'Request a canary share of traffic (1–50 %) beside Production for a Staging version',
  description:
    "Decided like a Production request: the policy's approval count, never by the requester, the Production gates against the Production version serving now. The share applies when the request is approved and ends when Production changes.",
  permission: 'version.request-production',
  scope: modelParam('name'),
  params: ZVersionParams,
  body: ZCanaryRequestBody,
  response: ZCanaryRequestCreated,
  status: 201,
  errors: ['CONFLICT', 'INVALID_TRANSITION', 'GATE_FAILED'],
  handler: ({ actor, params, body }) => requestCanary(actor, { model: params.name, number: params.number, weight: body.weight, comment: body.comment }),
});
