// GET /api/v1/models/:name/resolve?stage=production | ?alias=champion – the version to serve, its artifact and digest
import { ZResolved } from '@/lib/api-v1/schemas/serving';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { cachedResolve, prepared } from '@/lib/serving/answers';
import { offerToFastPath } from '@/lib/serving/fast-path';
import { ZModelParams, ZResolveQuery } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'The version to serve for a stage or alias',
  description: 'Answered from memory while nothing changed; every instance drops that memory within 1 s of a promotion, rollback, alias, traffic or name change anywhere.',
  permission: 'version.resolve',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZResolveQuery,
  response: ZResolved,
  conditional: true,
  // Polled by every serving system: its line is at debug while it succeeds (lib/http/contract.ts says why).
  accessLog: 'debug',
  handler: async ({ params, query }) => {
    const answer = await cachedResolve(params.name, query);
    if (!answer.ok) throw answer.error;
    return prepared(answer);
  },
});

// npm start's worker answers GETs with a bearer token through this same handler, before Next's router.
offerToFastPath('GET /api/v1/models/:name/resolve', GET);
