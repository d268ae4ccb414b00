import { assertAllowed, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { assertDeletable, deleteVersionRows } from './internal/deletable';
import { lockModel } from './internal/production';

/**
 * Deletes a model whose versions may all be deleted (none in Staging or Production, none that ever held
 * Production, none with approval decisions). The audit history of the model stays, under its name.
 */
export async function deleteModel(actor: Actor, input: { model: string }) {
  assertAllowed(actor, 'model.create', { model: input.model });
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true, description: true, tags: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      // The row lock keeps versions from being registered or promoted while we check and delete.
      await lockModel(tx, model.id);
      const versions = await tx.modelVersion.findMany({ where: { modelId: model.id }, select: { id: true, number: true, stage: true } });
      await assertDeletable(tx, model.name, versions);
      await recordAudit(tx, actor, {
        action: 'model.deleted',
        model,
        data: { versions: versions.map((v) => v.number), tags: model.tags, description: model.description },
      });
      await deleteVersionRows(tx, versions);
      await tx.registeredModel.delete({ where: { id: model.id } });
      return { deleted: true };
    }),
  );
}
