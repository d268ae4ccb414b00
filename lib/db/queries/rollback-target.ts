import type { Tx } from '@/lib/db/prisma';
import { rollbackTarget, type ProductionHolder } from '@/lib/registry';

/** How far back a rollback looks: the model's most recent Production periods. */
export const ROLLBACK_LOOKBACK = 200;

/** One Production period's version, newest first, as `modelgate_production_holders` reads them. */
export interface ProductionHolderRow extends ProductionHolder {
  number: number;
  semver: string;
}

/**
 * The rollback target of a model (lib/registry/rollback.ts decides) from its Production periods, in one
 * statement. Read by the board for the dialog's promise and by the registry export; the rollback service
 * reads the same periods with the model's lock (`modelgate_lock_model_for_rollback`).
 */
export async function findRollbackTarget(client: Pick<Tx, '$queryRaw'>, modelId: string, excludeIds: string[]): Promise<{ id: string; number: number; semver: string } | null> {
  const [row] = await client.$queryRaw<{ holders: ProductionHolderRow[] }[]>`SELECT "modelgate_production_holders"(${modelId}, ${ROLLBACK_LOOKBACK}::int) AS "holders"`;
  const target = rollbackTarget(row?.holders ?? [], excludeIds);
  return target ? { id: target.versionId, number: target.number, semver: target.semver } : null;
}
