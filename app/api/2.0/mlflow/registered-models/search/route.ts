// GET /api/2.0/mlflow/registered-models/search – filter, order and page through registered models
import { withMlflow } from '@/lib/mlflow/handler';
import { searchRegisteredModels } from '@/lib/mlflow/queries/search';
import { maxResults, readParams } from '@/lib/mlflow/request';

export const GET = withMlflow(
  async ({ req, actor }) => {
    const params = await readParams(req, { filter: { type: 'string' }, max_results: { type: 'int' }, order_by: { type: 'strings' }, page_token: { type: 'string' } });
    const { models, nextPageToken } = await searchRegisteredModels(actor, {
      filter: params.filter,
      maxResults: maxResults(params.max_results, { default: 100, max: 1000 }),
      orderBy: params.order_by,
      pageToken: params.page_token || undefined,
    });
    return {
      ...(models.length > 0 ? { registered_models: models } : {}),
      ...(nextPageToken ? { next_page_token: nextPageToken } : {}),
    };
  },
  { permission: 'registry.read' },
);
