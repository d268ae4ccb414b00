// PATCH /api/2.0/mlflow/registered-models/update – replace a model's description (absent: cleared, as in MLflow)
import { withMlflow } from '@/lib/mlflow/handler';
import { loadModel } from '@/lib/mlflow/queries/model-records';
import { readParams } from '@/lib/mlflow/request';
import { registeredModelJson } from '@/lib/mlflow/serialize';
import { updateModelDescription } from '@/lib/services/update-model';

export const PATCH = withMlflow(
  async ({ req, actor }) => {
    const { name, description } = await readParams(req, { name: { type: 'string', required: true }, description: { type: 'string' } });
    await updateModelDescription(actor, { model: name, description: description ?? '' });
    return { registered_model: registeredModelJson(await loadModel(name)) };
  },
  { permission: 'version.edit' },
);
