// GET /api/v1/models/:name/versions/:number/card-revisions – every state of the version's model card, oldest first
import { ZCardRevisions } from '@/lib/api-v1/schemas/versions';
import { listCardRevisions } from '@/lib/db/queries/card-revisions';
import { RegistryError } from '@/lib/registry';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZVersionParams } from '@/lib/validations/actions';

export const GET = route({
  summary: "List a version's model card revisions (1 is the card as registered; one more per edit)",
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZVersionParams,
  response: ZCardRevisions,
  handler: async ({ params: { name, number } }) => {
    const revisions = await listCardRevisions(name, number);
    if (!revisions) throw new RegistryError('NOT_FOUND', `${name} has no version ${number}.`);
    return { revisions };
  },
});
