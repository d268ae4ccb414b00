// GET /api/v1/models/:name/versions/:number/card-revisions?limit=&before= – the version's model card revisions, newest first
import { z } from 'zod';
import { ZCardRevisions } from '@/lib/api-v1/schemas/versions';
import { listCardRevisions } from '@/lib/db/queries/card-revisions';
import { RegistryError } from '@/lib/registry';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZVersionParams } from '@/lib/validations/actions';

const ZRevisionPage = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(100),
  before: z.coerce.number().int().positive().optional().meta({ description: 'Revisions older than this one (the previous page\'s nextCursor)' }),
});

export const GET = route({
  summary: "List a version's model card revisions, newest first (1 is the card as registered; one more per edit)",
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZVersionParams,
  query: ZRevisionPage,
  response: ZCardRevisions,
  handler: async ({ params: { name, number }, query }) => {
    const page = await listCardRevisions(name, number, query);
    if (!page) throw new RegistryError('NOT_FOUND', `${name} has no version ${number}.`);
    return page;
  },
});
