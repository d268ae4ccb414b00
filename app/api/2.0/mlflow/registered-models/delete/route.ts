// DELETE /api/2.0/mlflow/registered-models/delete – delete a model with nothing governed in it (INVALID_STATE otherwise)
import { withMlflow } from '@/lib/mlflow/handler';
import { readParams } from '@/lib/mlflow/request';
import { deleteModel } from '@/lib/services/delete-model';

export const DELETE = withMlflow(
  async ({ req, actor }) => {
    const { name } = await readParams(req, { name: { type: 'string', required: true } });
    await deleteModel(actor, { model: name });
    return {};
  },
  { permission: 'model.create' },
);
