// GET /api/v1/promotion-requests?model=&cursor=&limit= – pending promotion requests with live gate results, oldest first
import { ZPromotionRequestPage } from '@/lib/api-v1/schemas/requests';
import { listPendingRequests } from '@/lib/db/queries/requests';
import { assertVisible } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZPendingRequestsQuery } from '@/lib/validations/api-v1';

export const GET = route({
  summary: 'Pending promotion requests with live gate results (oldest first, cursor pagination)',
  permission: 'registry.read',
  scope: 'list',
  query: ZPendingRequestsQuery,
  response: ZPromotionRequestPage,
  handler: ({ query, visibleModels }) => {
    assertVisible(visibleModels, query.model);
    return listPendingRequests({ modelName: query.model, models: visibleModels, cursor: query.cursor, limit: query.limit });
  },
});
