import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';

/**
 * Stops a former name from resolving to the model: serving systems still using it get 404 from now on,
 * so it takes the same role as renaming a served model. Audited; the name is free again afterwards.
 */
export async function removeModelRedirect(actor: Actor, input: { model: string; oldName: string }) {
  assertAllowed(actor, 'model.rename-served', { model: input.model });
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    const removed = await tx.modelNameRedirect.deleteMany({ where: { oldName: input.oldName, modelId: model.id } });
    if (removed.count === 0) throw new RegistryError('NOT_FOUND', `"${input.oldName}" does not redirect to ${model.name}.`);
    await recordAudit(tx, actor, { action: 'model.redirect_removed', model, data: { from: input.oldName, to: model.name } });
    return { removed: input.oldName };
  });
}
