// GET /api/models/:name/production-at?t=<ISO time> – which version was in Production then, who put it there, what replaced it
import { z } from 'zod';
import { RegistryError } from '@/lib/registry';
import { productionAt, type ProductionAt } from '@/lib/db/queries/production-history';
import { modelParam, readModel } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams } from '@/lib/validations/api-v1';

const ZQuery = z.object({ t: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'Give t as an ISO date-time.').transform((v) => new Date(v)) });

export const GET = route({
  summary: 'Which version was in Production at a moment, who put it there and what replaced it',
  internal: true,
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZQuery,
  response: readModel<ProductionAt>('ProductionAt'),
  handler: async ({ params, query }) => {
    const answer = await productionAt(params.name, query.t);
    if (!answer) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    return answer;
  },
});
