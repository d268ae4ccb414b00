import { assertCan, RegistryError, roleOn } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';

/**
 * Stops a former name from resolving to the model: serving systems still using it get 404 from now on,
 * so it takes the same role as renaming a served model. Audited; the name is free again afterwards.
 */
export async function removeModelRedirect(actor: Actor, input: { model: string; oldName: string }) {
  assertCan(roleOn(actor, input.model), 'model.rename-served');
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      const removed = await tx.modelNameRedirect.deleteMany({ where: { oldName: input.oldName, modelId: model.id } });
      if (removed.count === 0) throw new RegistryError('NOT_FOUND', `"${input.oldName}" does not redirect to ${model.name}.`);
      await recordAudit(tx, actor, { action: 'model.redirect_removed', model, data: { from: input.oldName, to: model.name } });
      return { removed: input.oldName };
    }),
  );
}
