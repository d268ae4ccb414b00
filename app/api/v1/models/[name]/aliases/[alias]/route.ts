// PUT /api/v1/models/:name/aliases/:alias – point an alias at a version ({ version }); DELETE – remove it.
// `champion` is protected: it needs approver rights and a version that passes the Production gates.
import { NextResponse } from 'next/server';
import { readJson, withUser } from '@/lib/http/handler';
import { setAlias } from '@/lib/services/set-alias';
import { deleteAlias } from '@/lib/services/delete-alias';
import { ZSetAliasBody } from '@/lib/validations/api-v1';

export const PUT = withUser<{ name: string; alias: string }>(
  async ({ req, params, user }) => {
    const { version } = ZSetAliasBody.parse(await readJson(req));
    return NextResponse.json(await setAlias(user, { model: params.name, alias: params.alias, number: version }));
  },
  // Editors may move ordinary aliases; the service asks for more on protected ones.
  { permission: 'version.edit' },
);

export const DELETE = withUser<{ name: string; alias: string }>(
  async ({ params, user }) => NextResponse.json(await deleteAlias(user, { model: params.name, alias: params.alias })),
  { permission: 'version.edit' },
);
