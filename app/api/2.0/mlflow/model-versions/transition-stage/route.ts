// POST /api/2.0/mlflow/model-versions/transition-stage – move a version; Production goes through a promotion request
import { withMlflow } from '@/lib/mlflow/handler';
import { loadVersion } from '@/lib/mlflow/queries/records';
import { parseVersion, readParams } from '@/lib/mlflow/request';
import { modelVersionJson } from '@/lib/mlflow/serialize';
import { parseMlflowStage } from '@/lib/mlflow/stages';
import { transitionStage } from '@/lib/mlflow/transition';

// The services check the precise permission for each move; reading is the floor to get this far.
export const POST = withMlflow(
  async ({ req, actor }) => {
    const params = await readParams(req, { name: { type: 'string', required: true }, version: { type: 'string', required: true }, stage: { type: 'string', required: true }, archive_existing_versions: { type: 'bool' } });
    const number = parseVersion(params.version);
    await transitionStage(actor, {
      model: params.name,
      number,
      stage: parseMlflowStage(params.stage),
      archiveExistingVersions: params.archive_existing_versions ?? false,
      approvalsUrl: new URL('/approvals', process.env.NEXTAUTH_URL ?? req.nextUrl.origin).toString(),
    });
    return { model_version: modelVersionJson(await loadVersion(params.name, number)) };
  },
  { permission: 'registry.read' },
);
