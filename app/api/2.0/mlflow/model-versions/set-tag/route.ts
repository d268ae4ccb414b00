// POST /api/2.0/mlflow/model-versions/set-tag – set a tag on a version (model_card, changelog, migration_notes also edit the
// version's documentation, governed and audited as REST v1's PATCH; model_size_bytes and environment are fixed at registration)
import { withMlflow } from '@/lib/mlflow/handler';
import { parseVersion, readParams } from '@/lib/mlflow/request';
import { ARTIFACT_FACT_TAGS, assertNotReservedTag, DOCUMENTATION_TAGS } from '@/lib/mlflow/tags';
import { RegistryError } from '@/lib/registry';
import { updateVersion } from '@/lib/services/update-version';
import { setVersionTag } from '@/lib/services/set-version-tag';

export const POST = withMlflow(
  async ({ req, actor }) => {
    const { name, version, key, value } = await readParams(req, { name: { type: 'string', required: true }, version: { type: 'string', required: true }, key: { type: 'string', required: true }, value: { type: 'string' } });
    assertNotReservedTag(key);
    const number = parseVersion(version);
    if ((ARTIFACT_FACT_TAGS as readonly string[]).includes(key)) {
      throw new RegistryError('IMMUTABLE', `The tag ${key} describes the artifact and is read at registration only; register a new version to change it.`);
    }
    const field = Object.hasOwn(DOCUMENTATION_TAGS, key) ? DOCUMENTATION_TAGS[key as keyof typeof DOCUMENTATION_TAGS] : null;
    if (field) await updateVersion(actor, { model: name, number, [field]: value ?? '' });
    await setVersionTag(actor, { model: name, number, key, value: value ?? '' });
    return {};
  },
  { permission: 'version.edit' },
);
