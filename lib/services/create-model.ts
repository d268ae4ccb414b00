import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import { ZCreateModelInput, type CreateModelInput } from '@/lib/validations/model';
import type { Actor } from './actor';
import { recordAudit } from './audit';

export async function createModel(actor: Actor, rawInput: CreateModelInput) {
  assertAllowed(actor, 'model.create', 'global');
  const input = ZCreateModelInput.parse(rawInput);
  if (!actor.id) throw new RegistryError('FORBIDDEN', 'Only a user can own a model.');
  const ownerId = actor.id;
  const primaries = input.metrics.filter((m) => m.isPrimary).length;
  if (primaries > 1) throw new RegistryError('INVALID_ARGUMENT', 'A model has at most one primary metric.');

  return inTransaction(async (tx) => {
    const existing = await tx.registeredModel.findUnique({ where: { name: input.name }, select: { id: true } });
    if (existing) throw new RegistryError('CONFLICT', `A model named "${input.name}" already exists.`);
    const model = await tx.registeredModel.create({
      data: {
        name: input.name,
        description: input.description,
        tags: input.tags,
        ownerId,
        metricDefinitions: { create: input.metrics },
      },
    });
    await recordAudit(tx, actor, {
      action: 'model.created',
      model,
      data: { description: input.description, tags: input.tags, metrics: input.metrics.map((m) => m.key) },
    });
    return model;
  });
}
