import 'server-only';
import { assertCan, roleOn } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { createModel } from '@/lib/services/create-model';
import { setModelTag, ZTagKey, ZTagValue } from '@/lib/services/set-model-tag';
import { parseMlflowStage, fromMlflowStage, MLFLOW_STAGES } from './stages';
import { latestVersions, modelIdByName } from './queries/records';
import type { MlflowTag } from './tags';

/**
 * create-registered-model: the model, then each tag (each its own audited change). Tags are checked
 * before anything is written, so a bad tag creates nothing.
 */
export async function createRegisteredModel(actor: Actor, input: { name: string; description?: string; tags: MlflowTag[] }) {
  // A token restricted to one model creates no other.
  assertCan(roleOn(actor, input.name), 'model.create');
  const tags = [...new Map(input.tags.map((t) => [t.key, t.value])).entries()];
  for (const [key, value] of tags) {
    ZTagKey.parse(key);
    ZTagValue.parse(value);
  }
  await createModel(actor, { name: input.name, description: input.description ?? '' });
  for (const [key, value] of tags) await setModelTag(actor, { model: input.name, key, value });
}

/** get-latest-versions: the newest version per requested stage (all four when none is given). */
export async function getLatestVersions(name: string, stages: readonly string[] = []) {
  const wanted = (stages.length > 0 ? stages.map(parseMlflowStage) : [...MLFLOW_STAGES]).map(fromMlflowStage);
  return latestVersions([await modelIdByName(name)], wanted);
}
