// PUT /api/v1/models/:name/owner – hand one model to another owner ({ owner: email }; admins or an admin grant; audited)
import { ZModelOwnerChange } from '@/lib/api-v1/schemas/models';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { setModelOwner } from '@/lib/services/set-model-owner';
import { ZModelParams } from '@/lib/validations/api-v1';
import { ZModelOwnerBody } from '@/lib/validations/actions';

export const PUT = route({
  summary: "Change a model's owner (audited)",
  description:
    'The same service as the portfolio change-owner action: model.transfer on this model (admins, or an admin grant on it), audited as model.updated with the owner before and after. Handing the model to its current owner changes nothing and records nothing (changed: false). An email that names no user, or a disabled one, is a 400.',
  permission: 'model.transfer',
  scope: modelParam('name'),
  params: ZModelParams,
  body: ZModelOwnerBody,
  response: ZModelOwnerChange,
  handler: async ({ actor, params, body }) => {
    const result = await setModelOwner(actor, { model: params.name, owner: body.owner });
    return { model: params.name, ...result };
  },
});
