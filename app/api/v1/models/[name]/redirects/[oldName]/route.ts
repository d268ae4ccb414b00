// DELETE /api/v1/models/:name/redirects/:oldName – stop resolving a former name (approver; audited)
import { ZRedirectRemoved } from '@/lib/api-v1/schemas/serving';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { removeModelRedirect } from '@/lib/services/remove-model-redirect';
import { ZRedirectParams } from '@/lib/validations/actions';

export const DELETE = route({
  summary: 'Stop resolving a former name (audited)',
  permission: 'model.rename-served',
  scope: modelParam('name'),
  params: ZRedirectParams,
  response: ZRedirectRemoved,
  handler: ({ actor, params }) => removeModelRedirect(actor, { model: params.name, oldName: params.oldName }),
});
