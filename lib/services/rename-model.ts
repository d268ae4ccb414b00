import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import { ZModelName } from '@/lib/validations/common';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';
import { lockModel } from './internal/production';

export interface RenameModelInput {
  model: string;
  newName: string;
}

/**
 * Renames a model. Versions, grants, tokens and policies hang off the model's id, so they follow; audit
 * events keep the name they were written with, and the rename itself is recorded with both names.
 *
 * A model that serves Production is looked up by name by every serving system that loads it, so renaming
 * it needs the approver role, and its old name keeps resolving to it (a redirect, named in the audit
 * event) until someone removes the redirect. A model with nothing in Production renames as in MLflow.
 */
export async function renameModel(actor: Actor, input: RenameModelInput) {
  assertAllowed(actor, 'model.create', { model: input.model });
  const newName = ZModelName.parse(input.newName);
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    // Under the model's lock nothing can enter Production while we decide whether it serves.
    await lockModel(tx, model.id);
    const serving = await tx.modelVersion.findFirst({ where: { modelId: model.id, stage: 'production' }, select: { number: true } });
    if (serving) assertAllowed(actor, 'model.rename-served', { model: model.name });
    if (newName === model.name) return model;
    const clash = await tx.registeredModel.findUnique({ where: { name: newName }, select: { id: true } });
    if (clash) throw new RegistryError('CONFLICT', `A model named "${newName}" already exists.`);
    const held = await tx.modelNameRedirect.findUnique({ where: { oldName: newName }, select: { modelId: true, model: { select: { name: true } } } });
    if (held && held.modelId !== model.id) {
      throw new RegistryError('CONFLICT', `The name "${newName}" still redirects to ${held.model.name}, whose serving systems may use it. Remove that redirect first.`);
    }
    // Taking back a former name: it is the model's own name again, no longer a redirect.
    if (held) await tx.modelNameRedirect.delete({ where: { oldName: newName } });
    const renamed = await tx.registeredModel.update({ where: { id: model.id }, data: { name: newName }, select: { id: true, name: true } });
    if (serving) await tx.modelNameRedirect.create({ data: { oldName: model.name, modelId: model.id, createdById: actor.id } });
    await recordAudit(tx, actor, {
      action: 'model.renamed',
      model: renamed,
      data: { from: model.name, to: newName, redirect: serving ? model.name : null, servingVersion: serving?.number ?? null },
    });
    return renamed;
  });
}
