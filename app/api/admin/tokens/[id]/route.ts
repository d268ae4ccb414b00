// DELETE /api/admin/tokens/:id – revoke a token (kept in the list as revoked)
import { NextResponse } from 'next/server';
import { withUser } from '@/lib/http/handler';
import { revokeApiToken } from '@/lib/services/manage-tokens';

export const DELETE = withUser<{ id: string }>(async ({ params, user }) => NextResponse.json(await revokeApiToken(user, { tokenId: params.id })), {
  permission: 'tokens.manage',
});
