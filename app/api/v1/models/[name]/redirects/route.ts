// GET /api/v1/models/:name/redirects – former names that still resolve to this model after a rename
import { ZRedirects } from '@/lib/api-v1/schemas/serving';
import { RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { listRedirects } from '@/lib/db/queries/model-names';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'Former names that still resolve to this model after a rename',
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  response: ZRedirects,
  handler: async ({ params }) => {
    const model = await db.registeredModel.findUnique({ where: { name: params.name }, select: { id: true } });
    if (!model) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    return { redirects: await listRedirects(model.id) };
  },
});
