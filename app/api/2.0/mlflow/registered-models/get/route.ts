// GET /api/2.0/mlflow/registered-models/get?name= – a registered model with its latest versions, tags and aliases
import { withMlflow } from '@/lib/mlflow/handler';
import { loadReadableModel } from '@/lib/mlflow/queries/records';
import { readParams } from '@/lib/mlflow/request';
import { registeredModelJson } from '@/lib/mlflow/serialize';

export const GET = withMlflow(
  async ({ req, actor }) => {
    const { name } = await readParams(req, { name: { type: 'string', required: true } });
    return { registered_model: registeredModelJson(await loadReadableModel(actor, name)) };
  },
  { permission: 'registry.read' },
);
