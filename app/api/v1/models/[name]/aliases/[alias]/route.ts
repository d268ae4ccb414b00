// PUT /api/v1/models/:name/aliases/:alias – point an alias at a version ({ version }); DELETE – remove it.
// The aliases the model's policy protects (champion by default) need the approver's permission and point only at
// Production or an approved canary.
import { ZAliasDeleted, ZAliasSet } from '@/lib/api-v1/schemas/serving';
import { modelParam } from '@/lib/http/contract';
import { getPolicy } from '@/lib/db/queries/admin';
import { route } from '@/lib/http/route';
import { aliasPermission, setAlias } from '@/lib/services/set-alias';
import { deleteAlias } from '@/lib/services/delete-alias';
import { ZAliasParams, ZSetAliasBody } from '@/lib/validations/api-v1';

/** version.edit, or request.decide for an alias the model's policy protects (the service checks again, under the model's lock). */
const permission = async (params: { name: string; alias: string }) => aliasPermission(params.alias, (await getPolicy(params.name))?.policy ?? {});

export const PUT = route({
  summary: "Point an alias at a version (a protected alias, the policy's, champion by default, needs approver rights and the Production version or an approved canary)",
  permission,
  scope: modelParam('name'),
  params: ZAliasParams,
  body: ZSetAliasBody,
  response: ZAliasSet,
  errors: ['GATE_FAILED'],
  handler: ({ actor, params, body }) => setAlias(actor, { model: params.name, alias: params.alias, number: body.version }),
});

export const DELETE = route({
  summary: 'Remove an alias (a protected one needs approver rights)',
  permission,
  scope: modelParam('name'),
  params: ZAliasParams,
  response: ZAliasDeleted,
  handler: ({ actor, params }) => deleteAlias(actor, { model: params.name, alias: params.alias }),
});
