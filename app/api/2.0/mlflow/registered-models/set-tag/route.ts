// POST /api/2.0/mlflow/registered-models/set-tag – set a key/value tag on a model
import { withMlflow } from '@/lib/mlflow/handler';
import { readParams } from '@/lib/mlflow/request';
import { setModelTag } from '@/lib/services/set-model-tag';

export const POST = withMlflow(
  async ({ req, actor }) => {
    const { name, key, value } = await readParams(req, { name: { type: 'string', required: true }, key: { type: 'string', required: true }, value: { type: 'string' } });
    await setModelTag(actor, { model: name, key, value: value ?? '' });
    return {};
  },
  { permission: 'version.edit' },
);
