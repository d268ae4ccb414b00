// GET /api/models/:name/trend?metric=&evaluationSet= – one metric across all versions (sampled above 500), with Production periods
import { RegistryError } from '@/lib/registry';
import { ZTrendQuery } from '@/lib/registry/compare-query';
import { getTrend, type TrendData } from '@/lib/db/queries/trend';
import { modelParam, readModel } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'One metric across all versions, with Production periods',
  internal: true,
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZTrendQuery,
  response: readModel<TrendData>('Trend'),
  handler: async ({ params, query }) => {
    const trend = await getTrend(params.name, query.metric, query.evaluationSet);
    if (!trend) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    if (query.metric && trend.metric?.key !== query.metric) throw new RegistryError('NOT_FOUND', `${params.name} has no metric "${query.metric}".`);
    return trend;
  },
});
