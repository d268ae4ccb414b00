// GET /api/models/:name/versions?stage=&before=&limit= – one page of a board column, newest first
import { RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { getStagePage, type StagePage } from '@/lib/db/queries/board';
import { modelParam, readModel } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams } from '@/lib/validations/api-v1';
import { ZVersionPageQuery } from '@/lib/validations/version';

export const GET = route({
  summary: 'One page of a board column, newest first',
  internal: true,
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZVersionPageQuery,
  response: readModel<StagePage>('StagePage'),
  handler: async ({ params, query }) => {
    const model = await db.registeredModel.findUnique({
      where: { name: params.name },
      select: { id: true, metricDefinitions: { where: { isPrimary: true }, select: { key: true } } },
    });
    if (!model) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    return getStagePage(model.id, query.stage, model.metricDefinitions[0]?.key ?? null, query.before, query.limit);
  },
});
