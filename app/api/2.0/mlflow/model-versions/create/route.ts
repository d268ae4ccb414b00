// POST /api/2.0/mlflow/model-versions/create – register a version (lands in Testing, MLflow's "None")
import { withMlflow } from '@/lib/mlflow/handler';
import { createModelVersion } from '@/lib/mlflow/model-versions';
import { readParams } from '@/lib/mlflow/request';
import { modelVersionJson } from '@/lib/mlflow/serialize';
import { offerToFastPath } from '@/lib/serving/fast-path';

export const POST = withMlflow(
  async ({ req, actor }) => {
    const params = await readParams(req, {
      name: { type: 'string', required: true },
      source: { type: 'string', required: true },
      run_id: { type: 'string' },
      tags: { type: 'tags' },
      run_link: { type: 'string' },
      description: { type: 'string' },
      // MLflow 3: the logged model registered, often with source "models:/m-…" and no run_id.
      model_id: { type: 'string' },
    });
    const version = await createModelVersion(actor, { ...params, runId: params.run_id, runLink: params.run_link, modelId: params.model_id, tags: params.tags ?? [] });
    return { model_version: modelVersionJson(version) };
  },
  { permission: 'version.register' },
);

// npm start's worker answers POSTs with a bearer token through this same handler, before Next's router.
offerToFastPath('POST /api/2.0/mlflow/model-versions/create', POST);
