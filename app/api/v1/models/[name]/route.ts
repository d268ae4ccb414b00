// GET /api/v1/models/:name – the model with its counts per stage and its Production version
import { ZModel } from '@/lib/api-v1/schemas/models';
import { RegistryError } from '@/lib/registry';
import { getBoard } from '@/lib/db/queries/board';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'Get a model',
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  response: ZModel,
  handler: async ({ params }) => {
    const board = await getBoard(params.name);
    if (!board) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    const { model, primaryMetric, counts, production } = board;
    return {
      name: model.name,
      description: model.description,
      tags: model.tags,
      owner: model.owner,
      primaryMetric,
      counts,
      production: production ? { number: production.number, semver: production.semver, since: production.stageChangedAt } : null,
      lastStable: model.lastStable,
    };
  },
});
