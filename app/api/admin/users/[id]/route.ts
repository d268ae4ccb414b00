// PATCH /api/admin/users/:id – change a user's name, role or disabled status (never the last admin)
import { NextResponse } from 'next/server';
import { readJson, withUser } from '@/lib/http/handler';
import { updateUser } from '@/lib/services/manage-users';
import { ZUpdateUserBody } from '@/lib/validations/admin';

export const PATCH = withUser<{ id: string }>(
  async ({ req, params, user }) => {
    const body = ZUpdateUserBody.parse(await readJson(req));
    return NextResponse.json({ user: await updateUser(user, { userId: params.id, ...body }) });
  },
  { permission: 'users.manage' },
);
