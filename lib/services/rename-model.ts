import { assertAllowed, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import { ZModelName } from '@/lib/validations/common';
import type { Actor } from './actor';
import { recordAudit } from './audit';

export interface RenameModelInput {
  model: string;
  newName: string;
}

/**
 * Renames a model. Versions, grants, tokens and policies hang off the model's id, so they follow; audit
 * events keep the name they were written with, and the rename itself is recorded with both names.
 */
export async function renameModel(actor: Actor, input: RenameModelInput) {
  assertAllowed(actor, 'model.create', { model: input.model });
  const newName = ZModelName.parse(input.newName);
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      if (newName === model.name) return model;
      const clash = await tx.registeredModel.findUnique({ where: { name: newName }, select: { id: true } });
      if (clash) throw new RegistryError('CONFLICT', `A model named "${newName}" already exists.`);
      const renamed = await tx.registeredModel.update({ where: { id: model.id }, data: { name: newName }, select: { id: true, name: true } });
      await recordAudit(tx, actor, { action: 'model.renamed', model: renamed, data: { from: model.name, to: newName } });
      return renamed;
    }),
  );
}
