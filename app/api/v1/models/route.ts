// GET /api/v1/models?q=&page=&pageSize= – list models; POST /api/v1/models – register a model
import { ZCreatedModel, ZModelList } from '@/lib/api-v1/schemas/models';
import { listModels } from '@/lib/db/queries/models';
import { route } from '@/lib/http/route';
import { createModel } from '@/lib/services/create-model';
import { ZCreateModelInput, ZListModelsQuery } from '@/lib/validations/model';

export const GET = route({
  summary: 'List models (a token restricted to one model sees only that model)',
  permission: 'registry.read',
  scope: 'list',
  query: ZListModelsQuery,
  response: ZModelList,
  handler: ({ query, visibleModels }) => listModels(query, visibleModels),
});

export const POST = route({
  summary: 'Register a model',
  permission: 'model.create',
  scope: 'global',
  body: ZCreateModelInput,
  response: ZCreatedModel,
  status: 201,
  errors: ['CONFLICT'],
  handler: ({ actor, body }) => createModel(actor, body),
});
