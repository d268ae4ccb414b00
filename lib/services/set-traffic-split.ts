import { assertAllowed, RegistryError } from '@/lib/registry';
import { validateSplit, type TrafficRoute } from '@/lib/registry/traffic';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { lockModel } from './internal/production';
import { toJson } from './internal/json';

/**
 * Splits traffic between the Production version and candidates in Staging. Weights must sum to 100 and
 * Production must be one of the routes; a split of [] clears it (all traffic to Production).
 */
export async function setTrafficSplit(actor: Actor, input: { model: string; routes: TrafficRoute[] }) {
  assertAllowed(actor, 'traffic.manage', { model: input.model });
  if (input.routes.length > 0) validateSplit(input.routes);
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      await lockModel(tx, model.id);
      if (input.routes.length === 0) {
        await tx.trafficSplit.deleteMany({ where: { modelId: model.id } });
        await recordAudit(tx, actor, { action: 'traffic.updated', model, data: { summary: 'all traffic to Production', routes: [] } });
        return { routes: [] };
      }
      const versions = await tx.modelVersion.findMany({
        where: { modelId: model.id, number: { in: input.routes.map((r) => r.number) } },
        select: { id: true, number: true, stage: true },
      });
      for (const r of input.routes) {
        const v = versions.find((x) => x.number === r.number);
        if (!v) throw new RegistryError('INVALID_ARGUMENT', `${model.name} has no version ${r.number}.`);
        if (v.stage !== 'production' && v.stage !== 'staging') {
          throw new RegistryError('INVALID_ARGUMENT', `v${r.number} is in ${v.stage}: only Production and Staging versions can receive traffic.`);
        }
      }
      if (!versions.some((v) => v.stage === 'production')) throw new RegistryError('INVALID_ARGUMENT', 'The split must include the Production version.');
      const routes = input.routes.map((r) => ({ ...r, versionId: versions.find((v) => v.number === r.number)!.id }));
      await tx.trafficSplit.upsert({
        where: { modelId: model.id },
        create: { modelId: model.id, routes: toJson(routes), updatedById: actor.id },
        update: { routes: toJson(routes), updatedById: actor.id },
      });
      const summary = input.routes.map((r) => `v${r.number} ${r.weight}%`).join(', ');
      await recordAudit(tx, actor, { action: 'traffic.updated', model, data: { summary, routes: toJson(input.routes) } });
      return { routes: input.routes };
    }),
  );
}
