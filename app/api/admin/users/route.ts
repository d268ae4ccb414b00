// GET /api/admin/users – every user with role, status and per-model grants
// POST /api/admin/users – create a user (a one-time password is generated and returned once if none is given)
import { NextResponse } from 'next/server';
import { listUsers } from '@/lib/db/queries/admin';
import { readJson, withUser } from '@/lib/http/handler';
import { inviteUser } from '@/lib/services/manage-users';
import { ZCreateUserBody } from '@/lib/validations/admin';

export const GET = withUser(async () => NextResponse.json({ users: await listUsers() }), { permission: 'users.manage' });

export const POST = withUser(
  async ({ req, user }) => {
    const body = ZCreateUserBody.parse(await readJson(req));
    return NextResponse.json(await inviteUser(user, body), { status: 201 });
  },
  { permission: 'users.manage' },
);
