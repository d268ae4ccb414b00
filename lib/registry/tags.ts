// Tags some part of the system writes and people must not: they carry meaning the registry relies on.

/** Written by rollbacks only: marks a version that failed in Production, never a rollback target again. */
export const SYSTEM_VERSION_TAGS: readonly string[] = ['failed'];

/** MLflow's own namespace (mlflow.source.git.commit, mlflow.run_id…): set by MLflow's client, through the MLflow API. */
export const MLFLOW_TAG_PREFIX = 'mlflow.';

/**
 * Why a version may not be registered with tag `key`, or null when it may. `failed` is refused
 * everywhere; `mlflow.*` only outside the MLflow API, whose client sets those tags itself.
 */
export function reservedVersionTagReason(key: string, options: { viaMlflow: boolean }): string | null {
  if (SYSTEM_VERSION_TAGS.includes(key)) return `The tag "${key}" is written by rollbacks only and cannot be set by hand.`;
  if (!options.viaMlflow && key.startsWith(MLFLOW_TAG_PREFIX)) return `Tags under "${MLFLOW_TAG_PREFIX}" belong to MLflow's client and are set through the MLflow API only.`;
  return null;
}
