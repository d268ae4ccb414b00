// GET /api/admin/webhooks/:id/deliveries?cursor=&limit= – the delivery log: status code, attempts, last error, newest first
import { ZDeliveryPage } from '@/lib/api-v1/schemas/admin';
import { listDeliveries } from '@/lib/db/queries/admin';
import { route } from '@/lib/http/route';
import { ZDeliveriesQuery, ZIdParams } from '@/lib/validations/admin';

export const GET = route({
  summary: "A webhook's delivery log, newest first",
  permission: 'webhooks.manage',
  scope: 'global',
  params: ZIdParams,
  query: ZDeliveriesQuery,
  response: ZDeliveryPage,
  handler: ({ params, query }) => listDeliveries(params.id, { limit: query.limit, before: query.cursor }),
});
