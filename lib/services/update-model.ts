import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';

export interface UpdateModelInput {
  model: string;
  description: string;
}

/** Replaces a model's description (the MLflow API's update-registered-model). */
export async function updateModelDescription(actor: Actor, input: UpdateModelInput) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  if (input.description.length > 5000) throw new RegistryError('INVALID_ARGUMENT', 'A model description is at most 5000 characters.');
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model, { description: true });
    await tx.registeredModel.update({ where: { id: model.id }, data: { description: input.description } });
    await recordAudit(tx, actor, { action: 'model.updated', model, data: { field: 'description', before: model.description, after: input.description } });
    return { id: model.id, name: model.name };
  });
}
