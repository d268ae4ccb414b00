// GET /api/admin/users?cursor=&limit= – users with role, status and per-model grants, one page
// POST /api/admin/users – create a user (a one-time password is generated and returned once if none is given)
import { ZAdminUserPage, ZCreatedUser } from '@/lib/api-v1/schemas/admin';
import { listUsers, paged } from '@/lib/db/queries/admin';
import { route } from '@/lib/http/route';
import { inviteUser } from '@/lib/services/invite-user';
import { ZAdminPageQuery, ZCreateUserBody } from '@/lib/validations/admin';

export const GET = route({
  summary: 'Users with their role, status and per-model grants',
  permission: 'users.manage',
  scope: 'global',
  query: ZAdminPageQuery,
  response: ZAdminUserPage,
  handler: async ({ query }) => {
    const { rows, nextCursor } = paged(await listUsers(query), query);
    return { users: rows, nextCursor };
  },
});

export const POST = route({
  summary: 'Create a user (without a password, a one-time one is generated and returned once)',
  permission: 'users.manage',
  scope: 'global',
  body: ZCreateUserBody,
  response: ZCreatedUser,
  status: 201,
  errors: ['CONFLICT'],
  handler: ({ actor, body }) => inviteUser(actor, body),
});
