import type { Tx } from '@/lib/db/prisma';
import { clock } from '../clock';
import { RegistryError, type Stage } from '@/lib/registry';

/**
 * Takes the model's row lock. Every change to who is in Production goes through it, so two swaps on one
 * model run one after the other; the partial unique index is the backstop if anything skips it.
 */
export async function lockModel(tx: Tx, modelId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "registered_model" WHERE "id" = ${modelId} FOR UPDATE`;
}

/**
 * Moves `versionId` (currently in `fromStage`) into Production and the current Production version, if
 * any, to Archived — in the caller's transaction, so readers see the old or the new state, never zero or
 * two. Returns the version that was replaced. Throws CONFLICT when the candidate is no longer where the
 * caller saw it. The caller holds the model's lock (`lockModel`) already: it took it before reading the
 * state it decided on, so taking it here again would only repeat the query.
 */
export async function swapProduction(
  tx: Tx,
  args: { modelId: string; versionId: string; fromStage: Stage; startedBy: string; endedReason: string },
): Promise<{ replaced: { id: string; number: number } | null }> {
  const current = await tx.modelVersion.findFirst({
    where: { modelId: args.modelId, stage: 'production' },
    select: { id: true, number: true },
  });
  if (current?.id === args.versionId) throw new RegistryError('CONFLICT', 'That version is already in Production.');
  const now = clock.now();
  if (current) {
    await tx.modelVersion.update({ where: { id: current.id }, data: { stage: 'archived', stageChangedAt: now } });
    await tx.productionPeriod.updateMany({
      where: { modelId: args.modelId, endedAt: null },
      data: { endedAt: now, endedReason: args.endedReason },
    });
  }
  const moved = await tx.modelVersion.updateMany({
    where: { id: args.versionId, stage: args.fromStage },
    data: { stage: 'production', stageChangedAt: now },
  });
  if (moved.count !== 1) {
    throw new RegistryError('CONFLICT', 'The version moved while you were looking at it. Refresh the board and try again.');
  }
  await tx.productionPeriod.create({
    data: { modelId: args.modelId, versionId: args.versionId, startedAt: now, startedBy: args.startedBy },
  });
  return { replaced: current };
}

