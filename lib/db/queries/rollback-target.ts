import type { Tx } from '@/lib/db/prisma';
import { rollbackTarget } from '@/lib/registry';

/** How far back a rollback looks: the model's most recent Production periods. */
export const ROLLBACK_LOOKBACK = 200;

/**
 * The rollback target of a model (lib/registry/rollback.ts decides) from its Production periods. Read by
 * the rollback service inside its transaction and by the board for the dialog's promise.
 */
export async function findRollbackTarget(client: Pick<Tx, 'productionPeriod'>, modelId: string, excludeIds: string[]): Promise<{ id: string; number: number; semver: string } | null> {
  const periods = await client.productionPeriod.findMany({
    where: { modelId },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: ROLLBACK_LOOKBACK,
    select: { version: { select: { id: true, number: true, semver: true, stage: true, tags: { where: { key: 'failed' }, select: { key: true } } } } },
  });
  const holders = periods.map(({ version }) => ({ versionId: version.id, stage: version.stage, failed: version.tags.length > 0, version }));
  const target = rollbackTarget(holders, excludeIds);
  return target ? { id: target.version.id, number: target.version.number, semver: target.version.semver } : null;
}
