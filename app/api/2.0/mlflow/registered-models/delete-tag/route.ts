// DELETE /api/2.0/mlflow/registered-models/delete-tag – remove a model tag by key
import { withMlflow } from '@/lib/mlflow/handler';
import { readParams } from '@/lib/mlflow/request';
import { deleteModelTag } from '@/lib/services/delete-model-tag';

export const DELETE = withMlflow(
  async ({ req, actor }) => {
    const { name, key } = await readParams(req, { name: { type: 'string', required: true }, key: { type: 'string', required: true } });
    await deleteModelTag(actor, { model: name, key });
    return {};
  },
  { permission: 'version.edit' },
);
