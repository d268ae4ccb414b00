// PATCH /api/admin/users/:id – change a user's name, role or disabled status (never the last admin)
import { ZUpdatedUser } from '@/lib/api-v1/schemas/admin';
import { route } from '@/lib/http/route';
import { updateUser } from '@/lib/services/update-user';
import { ZIdParams, ZUpdateUserBody } from '@/lib/validations/admin';

export const PATCH = route({
  summary: "Change a user's name, role or disabled status (Modelgate keeps one active admin)",
  permission: 'users.manage',
  scope: 'global',
  params: ZIdParams,
  body: ZUpdateUserBody,
  response: ZUpdatedUser,
  errors: ['CONFLICT'],
  handler: async ({ actor, params, body }) => ({ user: await updateUser(actor, { userId: params.id, ...body }) }),
});
