// GET /api/v1/models/:name/resolve?stage=production | ?alias=champion – the version to serve, its artifact and digest
import { resolveVersion } from '@/lib/api-v1/resolve';
import { ZResolved } from '@/lib/api-v1/schemas/serving';
import { modelParam, reply } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams, ZResolveQuery } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'The version to serve for a stage or alias',
  permission: 'version.resolve',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZResolveQuery,
  response: ZResolved,
  handler: async ({ params, query }) => reply(await resolveVersion(params.name, query), { headers: { 'Cache-Control': 'no-store' } }),
});
