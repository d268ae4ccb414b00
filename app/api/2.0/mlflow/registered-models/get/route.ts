// GET /api/2.0/mlflow/registered-models/get?name= – a registered model with its latest versions, tags and aliases
import { withMlflow } from '@/lib/mlflow/handler';
import { loadModel } from '@/lib/mlflow/queries/model-records';
import { assertCanRead } from '@/lib/mlflow/queries/records';
import { readParams } from '@/lib/mlflow/request';
import { registeredModelJson } from '@/lib/mlflow/serialize';

export const GET = withMlflow(
  async ({ req, actor }) => {
    const { name } = await readParams(req, { name: { type: 'string', required: true } });
    assertCanRead(actor, name);
    return { registered_model: registeredModelJson(await loadModel(name)) };
  },
  { permission: 'registry.read' },
);
