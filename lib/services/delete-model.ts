import { assertAllowed } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';
import { assertDeletable, deleteVersionRows } from './internal/deletable';
import { lockModel } from './internal/production';

/**
 * Deletes a model whose versions may all be deleted (none in Staging or Production, none that ever held
 * Production, none with approval decisions). The audit history of the model stays, under its name.
 */
export async function deleteModel(actor: Actor, input: { model: string }) {
  assertAllowed(actor, 'model.create', { model: input.model });
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model, { description: true, tags: true });
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
  });
}
