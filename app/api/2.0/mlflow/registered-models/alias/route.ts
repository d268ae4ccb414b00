// POST|DELETE|GET /api/2.0/mlflow/registered-models/alias – set, delete or resolve an alias (champion is governed)
import { withMlflow } from '@/lib/mlflow/handler';
import { readableModelName, versionByAlias } from '@/lib/mlflow/queries/records';
import { parseVersion, readParams } from '@/lib/mlflow/request';
import { modelVersionJson } from '@/lib/mlflow/serialize';
import { deleteAlias } from '@/lib/services/delete-alias';
import { setAlias } from '@/lib/services/set-alias';

const NAME_AND_ALIAS = { name: { type: 'string', required: true }, alias: { type: 'string', required: true } } as const;

// The services check the precise permission: version.edit, or request.decide for protected aliases.
export const POST = withMlflow(
  async ({ req, actor }) => {
    const { name, alias, version } = await readParams(req, { ...NAME_AND_ALIAS, version: { type: 'string', required: true } });
    await setAlias(actor, { model: name, alias, number: parseVersion(version) });
    return {};
  },
  { permission: 'version.edit' },
);

export const DELETE = withMlflow(
  async ({ req, actor }) => {
    const { name, alias } = await readParams(req, NAME_AND_ALIAS);
    await deleteAlias(actor, { model: name, alias });
    return {};
  },
  { permission: 'version.edit' },
);

export const GET = withMlflow(
  async ({ req, actor }) => {
    const { name, alias } = await readParams(req, NAME_AND_ALIAS);
    return { model_version: modelVersionJson(await versionByAlias(await readableModelName(actor, name), alias)) };
  },
  { permission: 'registry.read' },
);
