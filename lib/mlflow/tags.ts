import { RegistryError } from '@/lib/registry';
import type { RegisterVersionInput } from '@/lib/validations/version';
import { MlflowError } from './errors';

export interface MlflowTag {
  key: string;
  value: string;
}

/**
 * MLflow's run_id, run_link and (MLflow 3) model_id have no column of their own: they are kept as version
 * tags under these keys, shown by the MLflow API as the fields they are (not among the tags), and cannot
 * be changed.
 */
export const RUN_ID_TAG = 'mlflow.run_id';
export const RUN_LINK_TAG = 'mlflow.run_link';
/** The logged model (MLflow 3, "m-…") a version was registered from; its source is then often "models:/m-…". */
export const MODEL_ID_TAG = 'mlflow.model_id';
const RESERVED_VERSION_TAGS = [RUN_ID_TAG, RUN_LINK_TAG, MODEL_ID_TAG];

export function assertNotReservedTag(key: string): void {
  if (RESERVED_VERSION_TAGS.includes(key)) {
    throw new MlflowError('INVALID_PARAMETER_VALUE', `The tag "${key}" holds the version's ${key.slice('mlflow.'.length)} and is set only when the version is created.`);
  }
}

/** A model's "key=value" (or bare "key") strings as MLflow key/value tags. */
export function decodeModelTags(tags: readonly string[]): MlflowTag[] {
  return tags.map((tag) => {
    const at = tag.indexOf('=');
    return at < 0 ? { key: tag, value: '' } : { key: tag.slice(0, at), value: tag.slice(at + 1) };
  });
}

/** A version's tags as MLflow shows them: everything but the run fields. */
export function visibleVersionTags(tags: readonly MlflowTag[]): MlflowTag[] {
  return tags.filter((t) => !RESERVED_VERSION_TAGS.includes(t.key));
}

export function tagValue(tags: readonly MlflowTag[], key: string): string | undefined {
  return tags.find((t) => t.key === key)?.value;
}

/** Later duplicates win, as in MLflow. */
export function tagsToRecord(tags: readonly MlflowTag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.key, t.value]));
}

export interface MlflowCreateVersion {
  name: string;
  source: string;
  runId?: string;
  runLink?: string;
  modelId?: string;
  description?: string;
  tags: MlflowTag[];
}

/**
 * How an MLflow create-model-version becomes a Modelgate registration. MLflow knows only a source URI,
 * a run and tags; Modelgate's record needs more, so well-known tags fill it in (and stay as tags):
 *   source                                  → artifactUri
 *   tag data_version                        → dataVersion ("unknown" when absent: MLflow has no such field)
 *   tag artifact_digest                     → artifactDigest (sha256; the default Staging gate asks for it)
 *   tag code_commit, else mlflow.source.git.commit → codeCommit
 *   tag training_data_hash                  → trainingDataHash
 *   tag semver                              → semver (else the next one is worked out as for any version)
 *   tag framework                           → framework
 *   tag model_card                          → modelCard (markdown; the Production card gate reads it)
 *   tag changelog, migration_notes          → changelog, migrationNotes (markdown)
 *   tag model_size_bytes                    → modelSizeBytes (a whole number; the size gate reads it)
 *   tag environment                         → environment: a JSON object of strings ({"python": "3.11"})
 *                                             or "python=3.11; cuda=12.1"
 * After registration, set-tag of model_card, changelog or migration_notes (and update's description) edits
 * the version's documentation through the same governed, audited path as REST v1; model_size_bytes and
 * environment describe the artifact and are refused then.
 *   tags metric.<name> with a number        → metrics <name> on the "default" evaluation set
 *   run_id, run_link, model_id              → the reserved tags mlflow.run_id, mlflow.run_link, mlflow.model_id
 * The version lands in Testing (MLflow's "None"). MLflow sends no metrics of its own: without metric.*
 * tags, gates that need metrics see none.
 */
/** Tags "metric.auc" = "0.93": a pipeline's way to hand its evaluation to the gates with MLflow calls only. */
function metricsFromTags(tags: Record<string, string>): { key: string; value: number }[] {
  return Object.entries(tags).flatMap(([tagKey, text]) => {
    const key = /^metric\.(.+)$/.exec(tagKey)?.[1];
    const value = text.trim() === '' ? Number.NaN : Number(text);
    return key && Number.isFinite(value) ? [{ key, value }] : [];
  });
}

/** The MLflow tags that edit a version's documentation (the field each edits). */
export const DOCUMENTATION_TAGS = { model_card: 'modelCard', changelog: 'changelog', migration_notes: 'migrationNotes' } as const;
/** The MLflow tags that describe the artifact: read at registration only. */
export const ARTIFACT_FACT_TAGS = ['model_size_bytes', 'environment'] as const;

function sizeFromTag(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text.trim());
  if (!Number.isSafeInteger(value) || value < 0) throw new RegistryError('INVALID_ARGUMENT', `The tag model_size_bytes must be a whole number of bytes, not "${text.slice(0, 40)}".`);
  return value;
}

/** `{"python":"3.11"}` or `python=3.11; cuda=12.1`. */
export function environmentFromTag(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new RegistryError('INVALID_ARGUMENT', 'The tag environment is not valid JSON.');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new RegistryError('INVALID_ARGUMENT', 'The tag environment must be a JSON object of strings.');
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  }
  return Object.fromEntries(
    trimmed
      .split(/[;\n]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const at = part.indexOf('=');
        return at > 0 ? [part.slice(0, at).trim(), part.slice(at + 1).trim()] : [part, ''];
      }),
  );
}

export function toRegistration(request: MlflowCreateVersion): RegisterVersionInput {
  for (const tag of request.tags) assertNotReservedTag(tag.key);
  const tags = tagsToRecord(request.tags);
  const pick = (...keys: string[]) => keys.map((k) => tags[k]?.trim()).find((v) => v) || undefined;
  return {
    model: request.name,
    artifactUri: request.source,
    description: request.description ?? '',
    dataVersion: pick('data_version') ?? 'unknown',
    artifactDigest: pick('artifact_digest'),
    codeCommit: pick('code_commit', 'mlflow.source.git.commit'),
    trainingDataHash: pick('training_data_hash'),
    semver: pick('semver'),
    framework: pick('framework'),
    modelCard: tags.model_card ?? '',
    changelog: tags.changelog ?? '',
    migrationNotes: tags.migration_notes ?? '',
    modelSizeBytes: sizeFromTag(tags.model_size_bytes),
    environment: environmentFromTag(tags.environment),
    metrics: metricsFromTags(tags),
    tags: {
      ...tags,
      ...(request.runId ? { [RUN_ID_TAG]: request.runId } : {}),
      ...(request.runLink ? { [RUN_LINK_TAG]: request.runLink } : {}),
      ...(request.modelId ? { [MODEL_ID_TAG]: request.modelId } : {}),
    },
  };
}
