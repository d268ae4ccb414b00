// DELETE /api/2.0/mlflow/model-versions/delete-tag – remove a version tag by key
import { withMlflow } from '@/lib/mlflow/handler';
import { parseVersion, readParams } from '@/lib/mlflow/request';
import { assertNotReservedTag } from '@/lib/mlflow/tags';
import { deleteVersionTag } from '@/lib/services/delete-version-tag';

export const DELETE = withMlflow(
  async ({ req, actor }) => {
    const { name, version, key } = await readParams(req, { name: { type: 'string', required: true }, version: { type: 'string', required: true }, key: { type: 'string', required: true } });
    assertNotReservedTag(key);
    await deleteVersionTag(actor, { model: name, number: parseVersion(version), key });
    return {};
  },
  { permission: 'version.edit' },
);
