import type { Stage } from './stages';

/** A version that held Production, as the rollback rule sees it. */
export interface ProductionHolder {
  versionId: string;
  /** Where the version is now. */
  stage: Stage;
  /** Tagged `failed` (by an earlier rollback away from it). */
  failed: boolean;
}

/**
 * The version a rollback returns to: the most recent earlier holder of Production that is archived now and
 * not tagged failed. `holders` are the model's Production periods, newest first; `exclude` holds the current
 * Production version (and, to find the next target after a rollback, the one it restored). The rollback
 * service moves to this version and the board's rollback dialog promises it: both call this function, so a
 * version restored to Testing, or one that failed, is never promised and never picked.
 */
export function rollbackTarget<H extends ProductionHolder>(holders: readonly H[], exclude: readonly string[]): H | null {
  return holders.find((h) => !exclude.includes(h.versionId) && h.stage === 'archived' && !h.failed) ?? null;
}
