// GET /api/v1/models/:name/route?key=<user id> – which version serves this key under the current split (deterministic)
import { ZRouted } from '@/lib/api-v1/schemas/serving';
import { routeFor } from '@/lib/db/queries/traffic';
import { modelParam, reply } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams, ZRouteQuery } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'The version that serves a routing key under the live traffic split',
  permission: 'version.resolve',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZRouteQuery,
  response: ZRouted,
  handler: async ({ params, query }) => reply(await routeFor(params.name, query.key), { headers: { 'Cache-Control': 'no-store' } }),
});
