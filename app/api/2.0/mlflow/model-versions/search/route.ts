// GET /api/2.0/mlflow/model-versions/search – filter, order and page through versions of all models
import { withMlflow } from '@/lib/mlflow/handler';
import { searchModelVersions } from '@/lib/mlflow/queries/search';
import { maxResults, readParams } from '@/lib/mlflow/request';

// MLflow's ceiling is 200,000 and is accepted; one answer carries at most MAX_VERSIONS_PER_RESPONSE (and a
// byte budget), with next_page_token for the rest. Its proto lets a server choose the default.
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
      ...(versions.length > 0 ? { model_versions: versions } : {}),
      ...(nextPageToken ? { next_page_token: nextPageToken } : {}),
    };
  },
  { permission: 'registry.read' },
);
