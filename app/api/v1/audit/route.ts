// GET /api/v1/audit?model=&actor=&action=&from=&to=&before=&limit= – audit events, newest first, keyset-paginated
import { ZAuditPage } from '@/lib/api-v1/schemas/audit';
import { listAuditEvents } from '@/lib/db/queries/audit';
import { assertVisible } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZAuditPageQuery } from '@/lib/validations/audit';

export const GET = route({
  summary: 'Audit events, newest first (keyset pagination with before; a token restricted to one model sees only its events)',
  permission: 'registry.read',
  scope: 'list',
  query: ZAuditPageQuery,
  response: ZAuditPage,
  handler: ({ query, visibleModels }) => {
    assertVisible(visibleModels, query.model);
    return listAuditEvents({ ...query, models: visibleModels });
  },
});
