// GET /api/models/:name/versions/:number/gates?target=staging|production – preview the gates before acting
import { z } from 'zod';
import { RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { modelParam, readModel } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { evaluateVersionGates, type GateEvaluation } from '@/lib/services/internal/gate-context';
import { ZVersionParams } from '@/lib/validations/actions';

export const GET = route({
  summary: "A version's gates for its next stage, as they stand now",
  internal: true,
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZVersionParams,
  query: z.object({ target: z.enum(['staging', 'production']) }),
  response: readModel<GateEvaluation>('GateEvaluation'),
  handler: async ({ params: { name, number }, query }) => {
    const version = await db.modelVersion.findFirst({ where: { model: { name }, number }, select: { id: true, modelId: true } });
    if (!version) throw new RegistryError('NOT_FOUND', `${name} has no version ${number}.`);
    return db.$transaction((tx) => evaluateVersionGates(tx, { modelId: version.modelId, versionId: version.id, target: query.target }));
  },
});
