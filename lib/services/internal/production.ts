import type { Tx } from '@/lib/db/prisma';
import type { Stage } from '@/lib/registry';
import { clock } from '../clock';
import type { ServingState } from './serving';

/**
 * Takes the model's row lock. Every change to who is in Production goes through it, so two swaps on one
 * model run one after the other; the partial unique index is the backstop if anything skips it.
 */
export async function lockModel(tx: Tx, modelId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "registered_model" WHERE "id" = ${modelId} FOR UPDATE`;
}

type VersionRef = { id: string; number: number };

/** What the cleanup after a swap decides on, read by the swap itself (after it). */
export interface AfterSwap {
  /** The model's canary shares (all judged against the replaced version). */
  shares: ServingState['shares'];
  /** The protected aliases on the replaced version, by the database's reading of the policy. */
  replacedAliases: string[];
}

/**
 * Moves `versionId` (currently in `fromStage`) into Production and the current Production version, if
 * any, to Archived — in the caller's transaction, so readers see the old or the new state, never zero or
 * two — in one round trip (`modelgate_swap_production`). Returns the version that was replaced and what
 * the serving cleanup needs. CONFLICT when the candidate is already in Production or no longer where the
 * caller saw it (the function's constraints, lib/db/constraints.ts). The caller holds the model's lock
 * (`lockModel`) already: it took it before reading the state it decided on.
 */
export async function swapProduction(
  tx: Tx,
  args: { modelId: string; versionId: string; fromStage: Stage; startedBy: string; endedReason: string },
): Promise<{ replaced: VersionRef | null; after: AfterSwap }> {
  const [row] = await tx.$queryRaw<{ swapped: { replaced: VersionRef | null } & AfterSwap }[]>`
    SELECT "modelgate_swap_production"(${args.modelId}, ${args.versionId}, ${args.fromStage}::"Stage", ${args.startedBy}, ${args.endedReason}, ${clock.now()}::timestamp(3)) AS "swapped"`;
  const { replaced, shares, replacedAliases } = row!.swapped;
  return { replaced, after: { shares, replacedAliases } };
}
