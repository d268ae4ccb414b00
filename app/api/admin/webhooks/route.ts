// GET /api/admin/webhooks?cursor=&limit= – webhooks with their latest delivery; POST – add one (the signing secret is returned once)
import { ZAdminWebhookPage, ZCreatedWebhook } from '@/lib/api-v1/schemas/admin';
import { listWebhooks, paged } from '@/lib/db/queries/admin';
import { reply } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { createWebhook, ZCreateWebhookInput } from '@/lib/services/create-webhook';
import { ZAdminPageQuery } from '@/lib/validations/admin';

export const GET = route({
  summary: 'Webhooks with their latest delivery, newest first',
  permission: 'webhooks.manage',
  scope: 'global',
  query: ZAdminPageQuery,
  response: ZAdminWebhookPage,
  handler: async ({ query }) => {
    const { rows, nextCursor } = paged(await listWebhooks(query), query);
    return { webhooks: rows, nextCursor };
  },
});

export const POST = route({
  summary: 'Add a webhook (the signing secret is in this answer only)',
  permission: 'webhooks.manage',
  scope: 'global',
  body: ZCreateWebhookInput,
  response: ZCreatedWebhook,
  status: 201,
  handler: async ({ actor, body }) => reply(await createWebhook(actor, body), { status: 201, headers: { 'Cache-Control': 'no-store' } }),
});
