// GET /api/v1/models/:name/watch?stage=production | ?alias=champion – server-sent events: the resolve answer now and on every change
import { actorFromToken } from '@/lib/auth/api-token';
import { personById } from '@/lib/auth/current-user';
import { modelParam, rawResponse } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { watchHub } from '@/lib/serving/watch';
import { ZModelParams, ZResolveQuery } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'Watch what resolve answers: an event now and on every change, without polling',
  description:
    'A text/event-stream. `resolved` carries the resolve answer (its id is the ETag), first at once and then within 1 s of any change on any instance; `unresolved` the error resolve would answer (nothing to serve); `heartbeat` every 15 s; `revoked` when the token or the signed-in person that opened the stream may no longer resolve the model (revoked, disabled, grant removed), and the stream ends. Each instance serves a bounded number of watchers (MODELGATE_WATCH_MAX, default 1,000) and answers 503 past it.',
  permission: 'version.resolve',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZResolveQuery,
  response: rawResponse(['text/event-stream'], 'Server-sent events: resolved, unresolved, heartbeat, revoked'),
  errors: ['UNAVAILABLE'],
  handler: ({ req, actor, params, query }) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
    const caller = actor.via === 'token' && bearer ? () => actorFromToken(bearer) : () => personById(actor.id);
    return watchHub.open(params.name, query, caller, req.signal);
  },
});
