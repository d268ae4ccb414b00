// POST /api/v1/models/:name/versions/:number/override – an admin puts a Staging version into Production past its gates
import { ZOverrideResult } from '@/lib/api-v1/schemas/serving';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { overrideToProduction } from '@/lib/services/override-production';
import { ZOverrideBody, ZVersionParams } from '@/lib/validations/actions';

export const POST = route({
  summary: 'Put a Staging version into Production past failing gates, with a written justification (audited)',
  permission: 'gates.override',
  scope: modelParam('name'),
  params: ZVersionParams,
  body: ZOverrideBody,
  response: ZOverrideResult,
  errors: ['CONFLICT', 'INVALID_TRANSITION'],
  handler: ({ actor, params, body }) => overrideToProduction(actor, { model: params.name, number: params.number, justification: body.justification }),
});
