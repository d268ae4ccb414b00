// PUT /api/admin/grants – give a user a role on one model; DELETE /api/admin/grants – remove it
import { NextResponse } from 'next/server';
import { readJson, withUser } from '@/lib/http/handler';
import { removeGrant, setGrant } from '@/lib/services/manage-users';
import { ZGrantBody } from '@/lib/validations/admin';

export const PUT = withUser(
  async ({ req, user }) => {
    const body = ZGrantBody.parse(await readJson(req));
    return NextResponse.json({ grant: await setGrant(user, body) });
  },
  { permission: 'users.manage' },
);

export const DELETE = withUser(
  async ({ req, user }) => {
    const body = ZGrantBody.omit({ role: true }).parse(await readJson(req));
    return NextResponse.json(await removeGrant(user, body));
  },
  { permission: 'users.manage' },
);
