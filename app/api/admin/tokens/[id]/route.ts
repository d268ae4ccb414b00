// DELETE /api/admin/tokens/:id – revoke a token (kept in the list as revoked)
import { ZTokenRevoked } from '@/lib/api-v1/schemas/admin';
import { route } from '@/lib/http/route';
import { revokeApiToken } from '@/lib/services/revoke-api-token';
import { ZIdParams } from '@/lib/validations/admin';

export const DELETE = route({
  summary: 'Revoke an API token (it stays in the list as revoked)',
  permission: 'tokens.manage',
  scope: 'global',
  params: ZIdParams,
  response: ZTokenRevoked,
  handler: ({ actor, params }) => revokeApiToken(actor, { tokenId: params.id }),
});
