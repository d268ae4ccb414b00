// DELETE /api/2.0/mlflow/model-versions/delete – delete a version outside Staging/Production (INVALID_STATE otherwise)
import { withMlflow } from '@/lib/mlflow/handler';
import { parseVersion, readParams } from '@/lib/mlflow/request';
import { deleteVersion } from '@/lib/services/delete-version';

export const DELETE = withMlflow(
  async ({ req, actor }) => {
    const { name, version } = await readParams(req, { name: { type: 'string', required: true }, version: { type: 'string', required: true } });
    await deleteVersion(actor, { model: name, number: parseVersion(version) });
    return {};
  },
  { permission: 'version.archive' },
);
