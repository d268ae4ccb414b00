// PATCH /api/2.0/mlflow/model-versions/update – replace a version's description (absent: cleared, as in MLflow); audited like REST v1's edit
import { withMlflow } from '@/lib/mlflow/handler';
import { loadVersion } from '@/lib/mlflow/queries/records';
import { parseVersion, readParams } from '@/lib/mlflow/request';
import { modelVersionJson } from '@/lib/mlflow/serialize';
import { updateVersion } from '@/lib/services/update-version';

export const PATCH = withMlflow(
  async ({ req, actor }) => {
    const { name, version, description } = await readParams(req, { name: { type: 'string', required: true }, version: { type: 'string', required: true }, description: { type: 'string' } });
    const number = parseVersion(version);
    await updateVersion(actor, { model: name, number, description: description ?? '' });
    return { model_version: modelVersionJson(await loadVersion(name, number)) };
  },
  { permission: 'version.edit' },
);
