import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findRollbackTarget } from '@/lib/db/queries/rollback-target';
import { findModelOrThrow } from './internal/find-model';
import { lockModel, swapProduction } from './internal/production';
import { afterProductionChange } from './internal/serving';

export interface RollbackInput {
  model: string;
  reason: string;
  /** The Production version number the caller saw; a mismatch means someone else already acted. */
  expectedVersion?: number;
}

/**
 * Returns Production to the last stable version and archives the current one tagged `failed` with the
 * reason — one transaction, nothing deleted. The failed version leaves every protected alias (they follow
 * Production back to the restored version) and the split (every canary share ends: they were judged
 * against the version that failed).
 */
export async function rollbackModel(actor: Actor, input: RollbackInput) {
  assertAllowed(actor, 'model.rollback', { model: input.model });
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 3) throw new RegistryError('INVALID_ARGUMENT', 'A rollback needs a reason (at least 3 characters).');

  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    await lockModel(tx, model.id);
    const current = await tx.modelVersion.findFirst({ where: { modelId: model.id, stage: 'production' }, select: { id: true, number: true } });
    if (!current) throw new RegistryError('INVALID_TRANSITION', `${model.name} has no version in Production to roll back.`);
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.number) {
      throw new RegistryError('CONFLICT', `Production is now version ${current.number}, not ${input.expectedVersion}. Refresh the board.`);
    }
    const target = await findRollbackTarget(tx, model.id, [current.id]);
    if (!target) throw new RegistryError('INVALID_TRANSITION', `${model.name} has no earlier stable Production version to roll back to.`);

    await swapProduction(tx, { modelId: model.id, versionId: target.id, fromStage: 'archived', startedBy: actor.label, endedReason: `rolled back: ${reason}` });
    await tx.versionTag.upsert({
      where: { versionId_key: { versionId: current.id, key: 'failed' } },
      create: { versionId: current.id, key: 'failed', value: reason },
      update: { value: reason },
    });
    const nextStable = await findRollbackTarget(tx, model.id, [current.id, target.id]);
    await tx.registeredModel.update({ where: { id: model.id }, data: { lastStableVersionId: nextStable?.id ?? null } });
    await recordAudit(tx, actor, {
      action: 'model.rolled_back',
      model,
      version: current,
      fromStage: 'production',
      toStage: 'archived',
      comment: reason,
      data: { restoredVersion: target.number, failedVersion: current.number },
    });
    await afterProductionChange(tx, actor, { model, from: current, to: target, reason: `rolled back from v${current.number} to v${target.number}: ${reason}` });
    return { restored: target, failed: current };
  });
}
