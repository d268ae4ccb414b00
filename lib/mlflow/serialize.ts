import { STAGES, type Stage } from '@/lib/registry';
import { toMlflowStage } from './stages';
import { decodeModelTags, MODEL_ID_TAG, RUN_ID_TAG, RUN_LINK_TAG, tagValue, visibleVersionTags, type MlflowTag } from './tags';

// Our rows as MLflow's JSON (model_registry.proto, serialised as MLflow's server does: snake_case field
// names, int64 timestamps in milliseconds as JSON numbers, versions as strings, empty lists left out).

export interface VersionRecord {
  number: number;
  createdAt: Date;
  stageChangedAt: Date;
  stage: Stage;
  description: string;
  artifactUri: string;
  createdBy: { email: string } | null;
  model: { name: string };
  tags: MlflowTag[];
  aliases: { alias: string }[];
}

export interface ModelRecord {
  name: string;
  createdAt: Date;
  lastActivityAt: Date;
  description: string;
  tags: string[];
  aliases: { alias: string; version: { number: number } }[];
  latestVersions: VersionRecord[];
}

/**
 * A ModelVersion message. `last_updated_timestamp` is when the version last changed stage: descriptions
 * and tags change beside the immutable record without stamping it. `user_id` is the registering user's
 * email (MLflow's own server leaves it out). Versions are always READY: registration is synchronous.
 */
export function modelVersionJson(version: VersionRecord) {
  const tags = visibleVersionTags(version.tags);
  const modelId = tagValue(version.tags, MODEL_ID_TAG);
  return {
    name: version.model.name,
    version: String(version.number),
    creation_timestamp: version.createdAt.getTime(),
    last_updated_timestamp: version.stageChangedAt.getTime(),
    ...(version.createdBy ? { user_id: version.createdBy.email } : {}),
    current_stage: toMlflowStage(version.stage),
    description: version.description,
    source: version.artifactUri,
    run_id: tagValue(version.tags, RUN_ID_TAG) ?? '',
    status: 'READY' as const,
    ...(tags.length > 0 ? { tags } : {}),
    run_link: tagValue(version.tags, RUN_LINK_TAG) ?? '',
    ...(version.aliases.length > 0 ? { aliases: version.aliases.map((a) => a.alias) } : {}),
    ...(modelId ? { model_id: modelId } : {}),
  };
}

export type ModelVersionJson = ReturnType<typeof modelVersionJson>;

const stageOrder = (stage: Stage) => STAGES.indexOf(stage);

/**
 * A RegisteredModel message; `latest_versions` holds the newest version of each stage (Archived included)
 * and, as in MLflow, lists no aliases on those nested versions: the model's own `aliases` has them.
 */
export function registeredModelJson(model: ModelRecord) {
  const tags = decodeModelTags(model.tags);
  const latest = [...model.latestVersions].sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage));
  return {
    name: model.name,
    creation_timestamp: model.createdAt.getTime(),
    last_updated_timestamp: model.lastActivityAt.getTime(),
    ...(model.description ? { description: model.description } : {}),
    ...(latest.length > 0 ? { latest_versions: latest.map((v) => modelVersionJson({ ...v, aliases: [] })) } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(model.aliases.length > 0 ? { aliases: model.aliases.map((a) => ({ alias: a.alias, version: String(a.version.number) })) } : {}),
  };
}
