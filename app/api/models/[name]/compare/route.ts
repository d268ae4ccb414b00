// GET /api/models/:name/compare?v=9,10,12 – the selected versions (plus Production as baseline) with metrics and parameters
import { z } from 'zod';
import { RegistryError } from '@/lib/registry';
import { ZCompareVersions } from '@/lib/registry/compare-query';
import { getComparisonData, type CompareData } from '@/lib/db/queries/compare';
import { modelParam, readModel } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'Versions side by side with Production as the baseline',
  internal: true,
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  query: z.object({ v: ZCompareVersions }),
  response: readModel<CompareData>('Comparison'),
  handler: async ({ params, query }) => {
    const data = await getComparisonData(params.name, query.v);
    if (!data) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    if (data.missing.length > 0) throw new RegistryError('NOT_FOUND', `${params.name} has no version ${data.missing.map((n) => `v${n}`).join(', ')}.`);
    return data;
  },
});
