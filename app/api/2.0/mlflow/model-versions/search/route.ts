// GET /api/2.0/mlflow/model-versions/search – filter, order and page through versions of all models
import { withMlflow } from '@/lib/mlflow/handler';
import { searchModelVersions } from '@/lib/mlflow/queries/search';
import { maxResults, readParams } from '@/lib/mlflow/request';
import { modelVersionJson } from '@/lib/mlflow/serialize';

// MLflow's ceiling is 200,000; its proto lets a server choose a lower default, and 1,000 is MLflow's own client default.
const LIMITS = { default: 1000, max: 200_000 };

export const GET = withMlflow(
  async ({ req, actor }) => {
    const params = await readParams(req, { filter: { type: 'string' }, max_results: { type: 'int' }, order_by: { type: 'strings' }, page_token: { type: 'string' } });
    const { versions, nextPageToken } = await searchModelVersions(actor, {
      filter: params.filter,
      maxResults: maxResults(params.max_results, LIMITS),
      orderBy: params.order_by,
      pageToken: params.page_token || undefined,
    });
    return {
      ...(versions.length > 0 ? { model_versions: versions.map(modelVersionJson) } : {}),
      ...(nextPageToken ? { next_page_token: nextPageToken } : {}),
    };
  },
  { permission: 'registry.read' },
);
