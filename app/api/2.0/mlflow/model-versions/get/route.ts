// GET /api/2.0/mlflow/model-versions/get?name=&version= – one version
import { withMlflow } from '@/lib/mlflow/handler';
import { readableModelName, loadVersion } from '@/lib/mlflow/queries/records';
import { parseVersion, readParams } from '@/lib/mlflow/request';
import { modelVersionJson } from '@/lib/mlflow/serialize';

export const GET = withMlflow(
  async ({ req, actor }) => {
    const { name, version } = await readParams(req, { name: { type: 'string', required: true }, version: { type: 'string', required: true } });
    return { model_version: modelVersionJson(await loadVersion(await readableModelName(actor, name), parseVersion(version))) };
  },
  { permission: 'registry.read' },
);
