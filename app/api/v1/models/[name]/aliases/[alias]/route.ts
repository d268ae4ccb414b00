// PUT /api/v1/models/:name/aliases/:alias – point an alias at a version ({ version }); DELETE – remove it.
// Protected aliases (`champion`) need the approver's permission and a version that passes the Production gates.
import { ZAliasDeleted, ZAliasSet } from '@/lib/api-v1/schemas/serving';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { aliasPermission, setAlias } from '@/lib/services/set-alias';
import { deleteAlias } from '@/lib/services/delete-alias';
import { ZAliasParams, ZSetAliasBody } from '@/lib/validations/api-v1';

export const PUT = route({
  summary: 'Point an alias at a version (champion needs approver rights and passing Production gates)',
  permission: (params) => aliasPermission(params.alias),
  scope: modelParam('name'),
  params: ZAliasParams,
  body: ZSetAliasBody,
  response: ZAliasSet,
  errors: ['GATE_FAILED'],
  handler: ({ actor, params, body }) => setAlias(actor, { model: params.name, alias: params.alias, number: body.version }),
});

export const DELETE = route({
  summary: 'Remove an alias',
  permission: (params) => aliasPermission(params.alias),
  scope: modelParam('name'),
  params: ZAliasParams,
  response: ZAliasDeleted,
  handler: ({ actor, params }) => deleteAlias(actor, { model: params.name, alias: params.alias }),
});
