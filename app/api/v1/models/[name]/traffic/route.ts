// GET /api/v1/models/:name/traffic – the live traffic split; PUT – set it ({ routes: [{ version, weight }] }, weights sum to 100)
import { ZTrafficSplit } from '@/lib/api-v1/schemas/serving';
import { currentSplit } from '@/lib/db/queries/traffic';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { setTrafficSplit } from '@/lib/services/set-traffic-split';
import { ZModelParams, ZSplitBody } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'The live traffic split',
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  response: ZTrafficSplit,
  handler: ({ params }) => currentSplit(params.name),
});

export const PUT = route({
  summary: 'Split traffic between Production and candidate versions (weights sum to 100)',
  permission: 'traffic.manage',
  scope: modelParam('name'),
  params: ZModelParams,
  body: ZSplitBody,
  response: ZTrafficSplit,
  errors: ['CONFLICT', 'INVALID_TRANSITION'],
  handler: async ({ actor, params, body }) => {
    await setTrafficSplit(actor, { model: params.name, routes: body.routes.map((r) => ({ number: r.version, weight: r.weight })) });
    return currentSplit(params.name);
  },
});
