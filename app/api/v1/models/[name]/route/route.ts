// GET /api/v1/models/:name/route?key=<user id> – which version serves this key under the current split (deterministic), with its artifact
import { ZRouted } from '@/lib/api-v1/schemas/serving';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { cachedRoute, prepared } from '@/lib/serving/answers';
import { offerToFastPath } from '@/lib/serving/fast-path';
import { ZModelParams, ZRouteQuery } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'The version that serves a routing key under the live traffic split, with its artifact and digest',
  permission: 'version.resolve',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZRouteQuery,
  response: ZRouted,
  conditional: true,
  // Polled by every serving system: its line is at debug while it succeeds (lib/http/contract.ts says why).
  accessLog: 'debug',
  handler: async ({ params, query }) => prepared(await cachedRoute(params.name, query.key)),
});

// npm start's worker answers GETs with a bearer token through this same handler, before Next's router.
offerToFastPath('GET /api/v1/models/:name/route', GET);
