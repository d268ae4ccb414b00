import { assertAllowed, RegistryError, rollbackTarget, type Stage } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Tx } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { ROLLBACK_LOOKBACK, type ProductionHolderRow } from '@/lib/db/queries/rollback-target';
import { swapProduction } from './internal/production';
import { afterProductionChange } from './internal/serving';

export interface RollbackInput {
  model: string;
  reason: string;
  /** The Production version number the caller saw; a mismatch means someone else already acted. */
  expectedVersion?: number;
}

interface LockedModel {
  model: { id: string; name: string };
  production: { id: string; number: number } | null;
  holders: ProductionHolderRow[];
}

/** Finds the model by name and locks it, then reads its Production version and periods: one round trip. */
async function lockModelForRollback(tx: Tx, name: string): Promise<LockedModel> {
  const [row] = await tx.$queryRaw<{ locked: LockedModel | null }[]>`SELECT "modelgate_lock_model_for_rollback"(${name}, ${ROLLBACK_LOOKBACK}::int) AS "locked"`;
  if (!row?.locked) throw new RegistryError('NOT_FOUND', `No model named "${name}".`);
  return row.locked;
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
    const { model, production: current, holders } = await lockModelForRollback(tx, input.model);
    if (!current) throw new RegistryError('INVALID_TRANSITION', `${model.name} has no version in Production to roll back.`);
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.number) {
      throw new RegistryError('CONFLICT', `Production is now version ${current.number}, not ${input.expectedVersion}. Refresh the board.`);
    }
    const target = rollbackTarget(holders, [current.id]);
    if (!target) throw new RegistryError('INVALID_TRANSITION', `${model.name} has no earlier stable Production version to roll back to.`);
    // The target after this one, on the periods as the rollback leaves them: the restored version's new period
    // comes first (and is excluded) and pushes the oldest one past the lookback; the failed version is excluded.
    const nextStable = rollbackTarget(holders.slice(0, ROLLBACK_LOOKBACK - 1), [current.id, target.versionId]);
    const restored = { id: target.versionId, number: target.number, semver: target.semver };

    const { after } = await swapProduction(tx, { modelId: model.id, versionId: restored.id, fromStage: 'archived', startedBy: actor.label, endedReason: `rolled back: ${reason}` });
    const failedTag = Prisma.sql`"failed_tag" AS (
      INSERT INTO "version_tag" ("version_id", "key", "value") VALUES (${current.id}, 'failed', ${reason})
      ON CONFLICT ("version_id", "key") DO UPDATE SET "value" = EXCLUDED."value" RETURNING 1)`;
    await recordAudit(
      tx,
      actor,
      {
        action: 'model.rolled_back',
        model,
        version: current,
        fromStage: 'production' satisfies Stage,
        toStage: 'archived',
        comment: reason,
        data: { restoredVersion: restored.number, failedVersion: current.number },
      },
      { alsoSetOnModel: Prisma.sql`"last_stable_version_id" = ${nextStable?.versionId ?? null}::text`, alongside: [failedTag] },
    );
    await afterProductionChange(tx, actor, { model, from: current, to: restored, reason: `rolled back from v${current.number} to v${restored.number}: ${reason}`, after });
    return { restored, failed: current };
  });
}
