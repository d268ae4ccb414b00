// GET /api/2.0/mlflow/model-versions/get-download-uri?name=&version= – where the version's artifacts are
import { withMlflow } from '@/lib/mlflow/handler';
import { readableModelName, loadVersion } from '@/lib/mlflow/queries/records';
import { parseVersion, readParams } from '@/lib/mlflow/request';

export const GET = withMlflow(
  async ({ req, actor }) => {
    const { name, version } = await readParams(req, { name: { type: 'string', required: true }, version: { type: 'string', required: true } });
    return { artifact_uri: (await loadVersion(await readableModelName(actor, name), parseVersion(version))).artifactUri };
  },
  { permission: 'registry.read' },
);
