// PUT /api/admin/grants – give a user a role on one model; DELETE /api/admin/grants – remove it
import { ZGrantRemoved, ZGrantSet } from '@/lib/api-v1/schemas/admin';
import { route } from '@/lib/http/route';
import { removeGrant } from '@/lib/services/remove-grant';
import { setGrant } from '@/lib/services/set-grant';
import { ZGrantBody } from '@/lib/validations/admin';

export const PUT = route({
  summary: 'Give a user a role on one model (it takes precedence over their global role there)',
  permission: 'users.manage',
  scope: 'global',
  body: ZGrantBody,
  response: ZGrantSet,
  handler: async ({ actor, body }) => {
    const grant = await setGrant(actor, body);
    return { grant: { userId: grant.userId, model: body.model, role: grant.role } };
  },
});

export const DELETE = route({
  summary: "Remove a user's role on one model",
  permission: 'users.manage',
  scope: 'global',
  body: ZGrantBody.omit({ role: true }),
  response: ZGrantRemoved,
  handler: ({ actor, body }) => removeGrant(actor, body),
});
