// GET /api/admin/tokens?cursor=&limit= – tokens with owner, scope, expiry and last use (never the secret), one page
// POST /api/admin/tokens – create a token; the secret is in this response only
import { ZAdminTokenPage, ZCreatedToken } from '@/lib/api-v1/schemas/admin';
import { listTokens, paged } from '@/lib/db/queries/admin';
import { reply } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { createApiToken } from '@/lib/services/create-api-token';
import { ZAdminPageQuery, ZCreateTokenBody } from '@/lib/validations/admin';

export const GET = route({
  summary: 'API tokens with owner, model, expiry and last use (never the secret)',
  permission: 'tokens.manage',
  scope: 'global',
  query: ZAdminPageQuery,
  response: ZAdminTokenPage,
  handler: async ({ query }) => {
    const { rows, nextCursor } = paged(await listTokens(query), query);
    return { tokens: rows, nextCursor };
  },
});

export const POST = route({
  summary: 'Create an API token (the secret is in this answer only)',
  permission: 'tokens.manage',
  scope: 'global',
  body: ZCreateTokenBody,
  response: ZCreatedToken,
  status: 201,
  handler: async ({ actor, body }) => reply(await createApiToken(actor, body), { status: 201, headers: { 'Cache-Control': 'no-store' } }),
});
