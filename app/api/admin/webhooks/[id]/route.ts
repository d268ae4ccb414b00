// DELETE /api/admin/webhooks/:id – stop sending to a webhook (its delivery log is kept)
import { ZWebhookDeleted } from '@/lib/api-v1/schemas/admin';
import { route } from '@/lib/http/route';
import { deleteWebhook } from '@/lib/services/delete-webhook';
import { ZIdParams } from '@/lib/validations/admin';

export const DELETE = route({
  summary: 'Stop sending to a webhook (its delivery log is kept)',
  permission: 'webhooks.manage',
  scope: 'global',
  params: ZIdParams,
  response: ZWebhookDeleted,
  handler: ({ actor, params }) => deleteWebhook(actor, { id: params.id }),
});
