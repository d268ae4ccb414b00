// POST|GET /api/2.0/mlflow/registered-models/get-latest-versions – the newest version in each requested stage
import { withMlflow } from '@/lib/mlflow/handler';
import { readableModelName } from '@/lib/mlflow/queries/records';
import { getLatestVersions } from '@/lib/mlflow/registered-models';
import { readParams } from '@/lib/mlflow/request';
import { modelVersionJson } from '@/lib/mlflow/serialize';

const handler = withMlflow(
  async ({ req, actor }) => {
    const { name, stages } = await readParams(req, { name: { type: 'string', required: true }, stages: { type: 'strings' } });
    const versions = await getLatestVersions(await readableModelName(actor, name), stages);
    return versions.length > 0 ? { model_versions: versions.map(modelVersionJson) } : {};
  },
  { permission: 'registry.read' },
);

export { handler as GET, handler as POST };
