// POST /api/2.0/mlflow/registered-models/create – register a model (RESOURCE_ALREADY_EXISTS if the name is taken)
import { withMlflow } from '@/lib/mlflow/handler';
import { loadModel } from '@/lib/mlflow/queries/model-records';
import { createRegisteredModel } from '@/lib/mlflow/registered-models';
import { readParams } from '@/lib/mlflow/request';
import { registeredModelJson } from '@/lib/mlflow/serialize';
import { offerToFastPath } from '@/lib/serving/fast-path';

export const POST = withMlflow(
  async ({ req, actor }) => {
    const { name, tags, description } = await readParams(req, { name: { type: 'string', required: true }, tags: { type: 'tags' }, description: { type: 'string' } });
    await createRegisteredModel(actor, { name, description, tags: tags ?? [] });
    return { registered_model: registeredModelJson(await loadModel(name)) };
  },
  { permission: 'model.create', errors: { CONFLICT: 'RESOURCE_ALREADY_EXISTS' } },
);

// npm start's worker answers POSTs with a bearer token through this same handler, before Next's router.
offerToFastPath('POST /api/2.0/mlflow/registered-models/create', POST);
