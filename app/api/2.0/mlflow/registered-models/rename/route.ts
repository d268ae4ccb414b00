// POST /api/2.0/mlflow/registered-models/rename – rename a model (RESOURCE_ALREADY_EXISTS if new_name is taken)
import { withMlflow } from '@/lib/mlflow/handler';
import { loadModel } from '@/lib/mlflow/queries/model-records';
import { readParams } from '@/lib/mlflow/request';
import { registeredModelJson } from '@/lib/mlflow/serialize';
import { renameModel } from '@/lib/services/rename-model';

export const POST = withMlflow(
  async ({ req, actor }) => {
    const { name, new_name } = await readParams(req, { name: { type: 'string', required: true }, new_name: { type: 'string', required: true } });
    const renamed = await renameModel(actor, { model: name, newName: new_name });
    return { registered_model: registeredModelJson(await loadModel(renamed.name)) };
  },
  { permission: 'model.create', errors: { CONFLICT: 'RESOURCE_ALREADY_EXISTS' } },
);
