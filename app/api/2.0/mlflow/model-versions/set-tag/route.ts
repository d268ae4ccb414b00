// POST /api/2.0/mlflow/model-versions/set-tag – set a tag on a version
import { withMlflow } from '@/lib/mlflow/handler';
import { parseVersion, readParams } from '@/lib/mlflow/request';
import { assertNotReservedTag } from '@/lib/mlflow/tags';
import { setVersionTag } from '@/lib/services/set-version-tag';

export const POST = withMlflow(
  async ({ req, actor }) => {
    const { name, version, key, value } = await readParams(req, { name: { type: 'string', required: true }, version: { type: 'string', required: true }, key: { type: 'string', required: true }, value: { type: 'string' } });
    assertNotReservedTag(key);
    await setVersionTag(actor, { model: name, number: parseVersion(version), key, value: value ?? '' });
    return {};
  },
  { permission: 'version.edit' },
);
