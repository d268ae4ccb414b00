// GET /api/models/:name/people?q= – people a comment on this model can mention (the composer's @ list)
import { ZPeople } from '@/lib/api-v1/schemas/comments';
import { findMentionablePeople } from '@/lib/db/queries/comments';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams } from '@/lib/validations/api-v1';
import { ZPeopleQuery } from '@/lib/validations/comments';

export const GET = route({
  summary: 'People a comment can mention, matching q by name or e-mail (at most 8)',
  internal: true,
  permission: 'version.comment',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZPeopleQuery,
  response: ZPeople,
  handler: async ({ query }) => ({ people: await findMentionablePeople(query.q) }),
});
